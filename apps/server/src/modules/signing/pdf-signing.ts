import QRCode from 'qrcode';
import { PDF, StandardFonts, rgb, type RevocationProvider, type Signer, type TimestampAuthority } from '@libpdf/core';
import { cmsSignatureValue, fetchTimestampToken, keyKindOf, ocspRequestFor, sha256, verifyRawSignature } from './cms.js';
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

class Captured extends Error {
  constructor(readonly data: Uint8Array) {
    super('captured');
  }
}

const ESTIMATED_SIZE = 24_576;
const toLatin = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');

/**
 * PAdES signing behind our own interface, @libpdf/core inside. Signing is split in two so the
 * private key never leaves the browser: `prepare` returns the DER of the CMS signed attributes
 * (messageDigest over the ByteRange, contentType, signing-certificate-v2); the browser signs
 * them; `complete` rebuilds the same incremental update (same field, same signing time),
 * inserts the browser's signature, adds an RFC 3161 signature timestamp (B-T) and a DSS with
 * OCSP responses and CRLs (B-LT).
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

  /** Returns the bytes the holder's key must sign (DER SET OF the CMS signed attributes). */
  async prepare(bytes: Uint8Array, p: SignParams): Promise<{ toBeSigned: Uint8Array; digestHex: string }> {
    const pdf = await this.load(bytes);
    try {
      await pdf.sign(this.options(p, this.capturingSigner(p), null));
      throw new Error('signer not called');
    } catch (e) {
      if (e instanceof Captured) return { toBeSigned: e.data, digestHex: Buffer.from(sha256(e.data)).toString('hex') };
      if (e instanceof PdfSigningError) throw e;
      throw new PdfSigningError('signing.pdf_invalid');
    }
  }

  /**
   * Assembles the signed PDF from the browser's signature: verifies it against the certificate
   * over exactly the prepared bytes, then writes signature + timestamp (B-T) + DSS (B-LT).
   */
  async complete(bytes: Uint8Array, p: SignParams & { signature: Uint8Array; expectedDigestHex: string }, trust: TrustServices): Promise<Uint8Array> {
    const kind = this.kind(p.certDer);
    const pdf = await this.load(bytes);
    let tsaFailed = false;
    const signer: Signer = {
      certificate: p.certDer,
      certificateChain: p.chainDer,
      keyType: kind,
      signatureAlgorithm: kind === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA',
      sign: async (data) => {
        if (Buffer.from(sha256(data)).toString('hex') !== p.expectedDigestHex) throw new PdfSigningError('signing.prepare_mismatch');
        if (!(await verifyRawSignature(p.certDer, data, p.signature))) throw new PdfSigningError('signing.signature_invalid');
        return cmsSignatureValue(kind, p.signature);
      },
    };
    const tsa: TimestampAuthority = {
      timestamp: async (digest) => {
        try {
          return await fetchTimestampToken((q) => trust.timestamp(q), digest);
        } catch {
          tsaFailed = true;
          throw new PdfSigningError('signing.tsa_failed');
        }
      },
    };
    try {
      const r = await pdf.sign(this.options(p, signer, { tsa, revocation: revocationFrom(trust) }));
      return r.bytes;
    } catch (e) {
      if (e instanceof PdfSigningError) throw e;
      if (tsaFailed) throw new PdfSigningError('signing.tsa_failed');
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof PdfSigningError) throw cause;
      throw new PdfSigningError('signing.pdf_invalid');
    }
  }

  private kind(certDer: Uint8Array) {
    try {
      return keyKindOf(certDer);
    } catch {
      throw new PdfSigningError('signing.key_unsupported');
    }
  }

  private capturingSigner(p: SignParams): Signer {
    const kind = this.kind(p.certDer);
    return {
      certificate: p.certDer,
      certificateChain: p.chainDer,
      keyType: kind,
      signatureAlgorithm: kind === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA',
      sign: async (data) => {
        throw new Captured(new Uint8Array(data));
      },
    };
  }

  private options(p: SignParams, signer: Signer, services: { tsa: TimestampAuthority; revocation: RevocationProvider } | null) {
    const never: TimestampAuthority = { timestamp: async () => { throw new Error('not in preparation'); } };
    return {
      signer,
      fieldName: p.fieldName,
      signingTime: p.signingTime,
      reason: p.reason,
      location: p.location,
      subFilter: 'ETSI.CAdES.detached' as const,
      level: 'B-LT' as const,
      timestampAuthority: services?.tsa ?? never,
      revocationProvider: services?.revocation ?? { getOCSP: async () => null, getCRL: async () => null },
      estimatedSize: ESTIMATED_SIZE,
    };
  }
}

/** OCSP and CRL for B-LT, from the CA services. */
export function revocationFrom(trust: TrustServices): RevocationProvider {
  return {
    getOCSP: async (cert, issuer) => {
      try {
        return await trust.ocsp(await ocspRequestFor(cert, issuer));
      } catch {
        return null;
      }
    },
    getCRL: async () => {
      try {
        return await trust.crl();
      } catch {
        return null;
      }
    },
  };
}
