import QRCode from 'qrcode';
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfString, StandardFonts, rgb, type PdfRef } from '@libpdf/core';
import { buildSignedAttrs, ocspRequestFor, sha256, signedAttrsToBeSigned } from './cms.js';
import { certInfo, padesCms, readTimeStampResp, signatureValue, timeStampReq, verifySignature } from './cms-fast.js';
import { BYTE_RANGE_PLACEHOLDER, appendDss, dssPlan, patchByteRange, patchContents, raw, type DssPlan } from './pdf-incremental.js';
import type { TrustServices } from './trust.js';

/** One planned signer's visible stamp on the official document. */
export type StampEntry = { name: string; nip?: string | null; position?: string | null };

export type SignParams = {
  /** DER of the signer's certificate and its chain (issuing, root). */
  certDer: Uint8Array;
  chainDer: Uint8Array[];
  fieldName: string;
  /** Fixed at preparation so that the bytes the browser signs are reproduced exactly at assembly. */
  signingTime: Date;
  reason?: string;
  location?: string;
};

export class PdfSigningError extends Error {
  constructor(readonly key: 'signing.pdf_invalid' | 'signing.signature_invalid' | 'signing.prepare_mismatch' | 'signing.tsa_failed' | 'signing.key_unsupported') {
    super(key);
  }
}

const ESTIMATED_SIZE = 24_576;
const toLatin = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');

/**
 * PAdES signing behind our own interface. Signing is split in two so the private key never
 * leaves the browser: `prepare` returns the DER of the CMS signed attributes (contentType,
 * signingTime, messageDigest over the ByteRange, signing-certificate-v2); the browser signs
 * them; `complete` reproduces the same first incremental update (same field, same signing
 * time; cached between the two steps), inserts the browser's signature with an RFC 3161
 * signature timestamp (B-T) and appends a DSS with OCSP response, CRL and certificates (B-LT).
 * @libpdf/core writes only the first update; the rest is byte work (pdf-incremental.ts,
 * cms-fast.ts) so the 1 MB document is parsed once per step (bench findings §14).
 */
export class PdfSigningService {
  async load(bytes: Uint8Array): Promise<PDF> {
    if (bytes.length < 16 || Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new PdfSigningError('signing.pdf_invalid');
    try {
      const pdf = await PDF.load(bytes);
      if (pdf.getPageCount() < 1) throw new Error('no pages');
      return pdf;
    } catch {
      throw new PdfSigningError('signing.pdf_invalid');
    }
  }

  /**
   * Puts the visible stamps (one box per planned signer with a QR code that opens the public
   * verifier) on the last page, before anyone signs, so later signatures add only
   * signatures and validation data.
   */
  async stamp(bytes: Uint8Array, opts: { entries: StampEntry[]; verifyUrl: string; title?: string }): Promise<Uint8Array> {
    const pdf = await this.load(bytes);
    const page = pdf.getPage(pdf.getPageCount() - 1)!;
    const margin = 36;
    const perRow = Math.min(3, Math.max(1, opts.entries.length));
    const boxW = (page.width - 2 * margin - (perRow - 1) * 8) / perRow;
    const boxH = 70;
    const rows = Math.ceil(opts.entries.length / perRow);
    const qr = QRCode.create(opts.verifyUrl, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    const qrSide = 58;
    const cell = qrSide / size;
    const footY = margin - 14;
    opts.entries.forEach((e, i) => {
      const col = i % perRow;
      const row = Math.floor(i / perRow);
      const x = margin + col * (boxW + 8);
      const y = margin + (rows - 1 - row) * (boxH + 6);
      page.drawRectangle({ x, y, width: boxW, height: boxH, color: rgb(1, 1, 1), borderColor: rgb(0.1, 0.25, 0.5), borderWidth: 0.8 });
      // QR code, drawn as runs of dark modules
      for (let r = 0; r < size; r++) {
        let c = 0;
        while (c < size) {
          if (!qr.modules.get(r, c)) {
            c++;
            continue;
          }
          const start = c;
          while (c < size && qr.modules.get(r, c)) c++;
          page.drawRectangle({ x: x + 6 + start * cell, y: y + 6 + (size - 1 - r) * cell, width: (c - start) * cell, height: cell, color: rgb(0, 0, 0) });
        }
      }
      const tx = x + 6 + qrSide + 6;
      const maxWidth = boxW - qrSide - 18;
      const line = (text: string, dy: number, bold = false, sz = 6.5) =>
        page.drawText(toLatin(text), { x: tx, y: y + boxH - dy, font: bold ? StandardFonts.HelveticaBold : StandardFonts.Helvetica, size: sz, maxWidth, color: rgb(0, 0, 0) });
      line('Ditandatangani secara elektronik oleh:', 12, false, 5.5);
      line(e.name, 24, true, 7);
      if (e.nip) line(`NIP ${e.nip}`, 34);
      if (e.position) line(e.position, 44, false, 6);
      line(`Tanda tangan ${i + 1} dari ${opts.entries.length}`, 62, false, 5);
    });
    page.drawText(
      toLatin(`Dokumen ini ditandatangani secara elektronik dengan sertifikat elektronik. Periksa keasliannya: ${opts.verifyUrl}`),
      { x: margin, y: footY, font: StandardFonts.Helvetica, size: 5.5, color: rgb(0.2, 0.2, 0.2), maxWidth: page.width - 2 * margin },
    );
    try {
      return await pdf.save({ incremental: true });
    } catch {
      return await pdf.save();
    }
  }

  /**
   * The first incremental update (signature field + dictionary with placeholders) written by
   * @libpdf/core, with the ByteRange patched and digested in one streaming hash, plus what the
   * DSS update needs. Deterministic for the same bytes, field and time, and cached between
   * prepare and complete (same process) so assembly does not parse the document again.
   */
  private async firstUpdate(bytes: Uint8Array, p: SignParams): Promise<Prepared> {
    const sourceSha = Buffer.from(sha256(bytes)).toString('hex');
    const key = `${sourceSha}|${p.fieldName}|${p.signingTime.getTime()}|${p.reason ?? ''}|${p.location ?? ''}`;
    const hit = prepared.get(key);
    if (hit) return hit;
    const pdf = await this.load(bytes);
    let buf: Buffer;
    let plan: DssPlan;
    try {
      const ctx = (pdf as unknown as { context: { registry: { register(d: PdfDict): PdfRef }; pages: { getPage(i: number): PdfRef | undefined } } }).context;
      const sig = PdfDict.of({
        Type: PdfName.of('Sig'),
        Filter: PdfName.of('Adobe.PPKLite'),
        SubFilter: PdfName.of('ETSI.CAdES.detached'),
        ByteRange: raw(BYTE_RANGE_PLACEHOLDER),
        Contents: raw(`<${'0'.repeat(ESTIMATED_SIZE * 2)}>`),
      });
      sig.set('M', PdfString.fromString(pdfDate(p.signingTime)));
      if (p.reason) sig.set('Reason', PdfString.fromString(toLatin(p.reason)));
      if (p.location) sig.set('Location', PdfString.fromString(toLatin(p.location)));
      const sigRef = ctx.registry.register(sig);
      const pageRef = ctx.pages.getPage(0);
      if (!pageRef) throw new Error('no pages');
      // the field + widget model @libpdf/core uses for signatures: an invisible widget on page 1
      const form = pdf.getOrCreateForm();
      const existing = form.getFields().find((f) => f.name === p.fieldName);
      if (existing && (existing as unknown as { isSigned?: () => boolean }).isSigned?.()) throw new Error('field already signed');
      const field = (existing ?? form.createSignatureField(p.fieldName)) as unknown as { getDict(): PdfDict };
      const d = field.getDict();
      d.set('V', sigRef);
      d.delete('Kids');
      d.set('Type', PdfName.of('Annot'));
      d.set('Subtype', PdfName.of('Widget'));
      d.set('F', PdfNumber.of(132));
      d.set('P', pageRef);
      d.set('Rect', new PdfArray([PdfNumber.of(0), PdfNumber.of(0), PdfNumber.of(0), PdfNumber.of(0)]));
      if (pdf.canSaveIncrementally() !== null) throw new Error('incremental save not possible');
      buf = Buffer.from(await pdf.save({ incremental: true }));
      plan = dssPlan(pdf);
    } catch (e) {
      if (e instanceof PdfSigningError) throw e;
      throw new PdfSigningError('signing.pdf_invalid');
    }
    const at = patchByteRange(buf);
    const attrs = buildSignedAttrs(at.digest, p.certDer, p.signingTime);
    const toBeSigned = signedAttrsToBeSigned(attrs);
    const out: Prepared = { buf, at, plan, toBeSigned, digestHex: Buffer.from(sha256(toBeSigned)).toString('hex') };
    prepared.set(key, out);
    while (prepared.size > PREPARED_CACHE) prepared.delete(prepared.keys().next().value!);
    return out;
  }

  /** Drops the first updates kept between prepare and complete (another process would not have them). */
  static forgetPrepared() {
    prepared.clear();
  }

  /** Returns the bytes the holder's key must sign (DER SET OF the CMS signed attributes). */
  async prepare(bytes: Uint8Array, p: SignParams): Promise<{ toBeSigned: Uint8Array; digestHex: string }> {
    this.kind(p.certDer);
    const r = await this.firstUpdate(bytes, p);
    return { toBeSigned: r.toBeSigned, digestHex: r.digestHex };
  }

  /**
   * Assembles the signed PDF from the browser's signature: verifies it against the certificate
   * over exactly the prepared bytes, then writes signature + timestamp (B-T) + DSS (B-LT).
   */
  async complete(bytes: Uint8Array, p: SignParams & { signature: Uint8Array; expectedDigestHex: string }, trust: TrustServices): Promise<Uint8Array> {
    this.kind(p.certDer);
    const r = await this.firstUpdate(bytes, p);
    if (r.digestHex !== p.expectedDigestHex) throw new PdfSigningError('signing.prepare_mismatch');
    if (!verifySignature(p.certDer, r.toBeSigned, p.signature)) throw new PdfSigningError('signing.signature_invalid');
    const kind = certInfo(p.certDer).kind;
    let ts: { token: Uint8Array; certs: Uint8Array[] };
    try {
      ts = readTimeStampResp(await trust.timestamp(timeStampReq(sha256(signatureValue(kind, p.signature)))));
    } catch {
      throw new PdfSigningError('signing.tsa_failed');
    }
    const cms = padesCms({ certDer: p.certDer, chainDer: p.chainDer, signedAttrsSet: r.toBeSigned, signature: p.signature, timeStampToken: ts.token });
    const buf = Buffer.from(r.buf); // the cached first update stays pristine
    try {
      patchContents(buf, r.at, cms);
    } catch {
      throw new PdfSigningError('signing.pdf_invalid');
    }
    // B-LT: OCSP for the signer's certificate, the CRL, and every certificate involved
    const issuer = p.chainDer[0];
    const [ocsp, crl] = await Promise.all([
      issuer ? ocspRequestCached(p.certDer, issuer).then((q) => trust.ocsp(q)).catch(() => null) : null,
      trust.crl().catch(() => null),
    ]);
    const certs = uniqueDer([p.certDer, ...p.chainDer, ...ts.certs]);
    const out = appendDss(buf, r.plan, { certs, ocsps: ocsp ? [ocsp] : [], crls: crl ? [crl] : [] });
    prepared.delete([...prepared.entries()].find(([, v]) => v === r)?.[0] ?? '');
    return new Uint8Array(out);
  }

  private kind(certDer: Uint8Array) {
    try {
      return certInfo(certDer).kind;
    } catch {
      throw new PdfSigningError('signing.key_unsupported');
    }
  }
}

type Prepared = { buf: Buffer; at: { contentsStart: number; contentsLength: number; digest: Uint8Array }; plan: DssPlan; toBeSigned: Uint8Array; digestHex: string };
/** First updates between prepare and complete, newest last (at most a few MB). */
const prepared = new Map<string, Prepared>();
const PREPARED_CACHE = 8;

/** OCSP requests carry no nonce here, so the request for a certificate is always the same bytes. */
const ocspRequests = new Map<string, Uint8Array>();
async function ocspRequestCached(certDer: Uint8Array, issuerDer: Uint8Array) {
  const key = Buffer.from(sha256(Buffer.concat([certDer, issuerDer]))).toString('hex');
  let req = ocspRequests.get(key);
  if (!req) {
    req = await ocspRequestFor(certDer, issuerDer);
    ocspRequests.set(key, req);
    while (ocspRequests.size > 256) ocspRequests.delete(ocspRequests.keys().next().value!);
  }
  return req;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

function uniqueDer(items: Uint8Array[]) {
  const seen = new Set<string>();
  return items.filter((d) => {
    const k = Buffer.from(sha256(d)).toString('hex');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
