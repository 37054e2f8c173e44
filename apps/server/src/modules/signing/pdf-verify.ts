import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfRef, PdfStream, PdfString, type PdfObject } from '@libpdf/core';
import { OID, hex, sha256, toAb } from './cms.js';
import { dnText } from '../pki/certinfo.js';

export const VERIFY_MAX_BYTES = 15 * 1024 * 1024;

export type RevStatus = 'good' | 'revoked' | 'unknown';
export type Verdict = 'valid' | 'warning' | 'invalid';

export type SignatureReport = {
  index: number;
  fieldName: string | null;
  signer: { name: string; subject: string; serialHex: string; issuer: string; notBefore: string; notAfter: string } | null;
  claimedSigningTime: string | null;
  timestamp: { time: string; valid: boolean; tsa: string | null } | null;
  integrity: boolean;
  certificateBinding: boolean;
  chain: { status: 'trusted' | 'untrusted' | 'invalid'; path: string[] };
  revocation: { atSigning: RevStatus; now: RevStatus; source: 'dss' | 'online' | 'none'; revokedAt: string | null };
  coversUntilByte: number;
  modifiedAfter: boolean;
  laterRevisions: number;
  verdict: Verdict;
  problems: string[];
};

export type VerifyReport = { pages: number; signatures: SignatureReport[]; verdict: Verdict | 'unsigned' };

export class PdfVerifyError extends Error {
  constructor(readonly key: 'signing.verify_not_pdf' | 'signing.verify_too_large' | 'signing.verify_malformed') {
    super(key);
  }
}

export type VerifyTrust = {
  /** Trusted roots (every tenant CA of this installation and configured extra roots such as BSrE). */
  roots: x509.X509Certificate[];
  /** Online revocation for our own CAs (OCSP via the CA service); 'unknown' when not ours. */
  onlineStatus?: (cert: x509.X509Certificate, issuer: x509.X509Certificate) => Promise<{ status: RevStatus; revokedAt?: Date | null }>;
};

type RawSig = { fieldName: string | null; byteRange: number[]; contents: Uint8Array };

const resolverOf = (pdf: PDF) => (ref: PdfRef) => pdf.getObject(ref);
const deref = (pdf: PDF, o: PdfObject | undefined | null): PdfObject | undefined => (o instanceof PdfRef ? (pdf.getObject(o) ?? undefined) : (o ?? undefined));

/** Reads, checks and explains every signature of a PDF (the public verifier, K15). Never throws on hostile input except PdfVerifyError. */
export async function verifyPdf(bytes: Uint8Array, trust: VerifyTrust): Promise<VerifyReport> {
  if (bytes.length > VERIFY_MAX_BYTES) throw new PdfVerifyError('signing.verify_too_large');
  if (bytes.length < 32 || Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new PdfVerifyError('signing.verify_not_pdf');
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes);
  } catch {
    throw new PdfVerifyError('signing.verify_malformed');
  }
  let raw: RawSig[];
  let pages: number;
  try {
    pages = pdf.getPageCount();
    raw = await collectSignatures(pdf);
  } catch {
    throw new PdfVerifyError('signing.verify_malformed');
  }
  const eofs = eofOffsets(bytes);
  const dss = readDss(pdf);
  const finalPrint = await fingerprint(pdf).catch(() => null);
  const signatures: SignatureReport[] = [];
  for (const [i, s] of raw.entries()) {
    signatures.push(await checkOne(i, s, bytes, trust, dss, eofs, finalPrint));
  }
  const verdict: VerifyReport['verdict'] = !signatures.length
    ? 'unsigned'
    : signatures.some((s) => s.verdict === 'invalid')
      ? 'invalid'
      : signatures.some((s) => s.verdict === 'warning')
        ? 'warning'
        : 'valid';
  return { pages, signatures, verdict };
}

async function collectSignatures(pdf: PDF): Promise<RawSig[]> {
  const out: RawSig[] = [];
  const form = pdf.hasForm() ? await pdf.getForm() : null;
  const fields = form ? form.getSignatureFields() : [];
  for (const f of fields) {
    const d = f.getSignatureDict();
    if (!d) continue;
    const br = deref(pdf, d.get('ByteRange'));
    const contents = deref(pdf, d.get('Contents'));
    if (!(br instanceof PdfArray) || !(contents instanceof PdfString)) continue;
    const nums: number[] = [];
    for (let k = 0; k < br.length; k++) {
      const n = deref(pdf, br.at(k));
      nums.push(n instanceof PdfNumber ? n.value : NaN);
    }
    const type = deref(pdf, d.get('Type'));
    if (type instanceof PdfName && type.value === 'DocTimeStamp') continue;
    out.push({ fieldName: f.name ?? null, byteRange: nums, contents: contents.bytes });
  }
  return out.sort((a, b) => (a.byteRange[2] ?? 0) - (b.byteRange[2] ?? 0));
}

function eofOffsets(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes);
  const out: number[] = [];
  let i = buf.indexOf('%%EOF');
  while (i >= 0) {
    let end = i + 5;
    while (end < buf.length && (buf[end] === 0x0d || buf[end] === 0x0a)) end++;
    out.push(end);
    i = buf.indexOf('%%EOF', i + 5);
  }
  return out;
}

type Dss = { ocsps: Uint8Array[]; crls: Uint8Array[]; certs: Uint8Array[] };
function readDss(pdf: PDF): Dss {
  const dss: Dss = { ocsps: [], crls: [], certs: [] };
  try {
    const d = deref(pdf, pdf.getCatalog().get('DSS'));
    if (!(d instanceof PdfDict)) return dss;
    const take = (key: string, into: Uint8Array[]) => {
      const arr = deref(pdf, d.get(key));
      if (!(arr instanceof PdfArray)) return;
      for (let k = 0; k < Math.min(arr.length, 200); k++) {
        const s = deref(pdf, arr.at(k));
        if (s instanceof PdfStream) into.push(s.getDecodedData());
      }
    };
    take('OCSPs', dss.ocsps);
    take('CRLs', dss.crls);
    take('Certs', dss.certs);
  } catch {
    /* a broken DSS is simply absent */
  }
  return dss;
}

/** What a reader sees: the page count and each page's decoded content. */
async function fingerprint(pdf: PDF): Promise<string> {
  const parts: string[] = [String(pdf.getPageCount())];
  const resolve = resolverOf(pdf);
  for (const page of pdf.getPages()) {
    const c = deref(pdf, page.dict.get('Contents', resolve));
    const streams = c instanceof PdfArray ? Array.from({ length: c.length }, (_, k) => deref(pdf, c.at(k))) : [c];
    const h: Uint8Array[] = [];
    for (const s of streams) if (s instanceof PdfStream) h.push(s.getDecodedData());
    parts.push(hex(sha256(Buffer.concat(h))));
    parts.push(String(page.width), String(page.height));
    parts.push(annotationsPrint(pdf, page.dict));
  }
  return parts.join('|');
}

/**
 * Visible annotations count as content (a box or a stamp drawn over a signed page is a change);
 * signature widgets do not (co-signers add them).
 */
function annotationsPrint(pdf: PDF, pageDict: PdfDict): string {
  const annots = deref(pdf, pageDict.get('Annots'));
  if (!(annots instanceof PdfArray)) return '';
  const out: string[] = [];
  for (let k = 0; k < Math.min(annots.length, 500); k++) {
    const a = deref(pdf, annots.at(k));
    if (!(a instanceof PdfDict)) continue;
    const subtype = deref(pdf, a.get('Subtype'));
    const sub = subtype instanceof PdfName ? subtype.value : '?';
    if (sub === 'Widget' || sub === 'Link' || sub === 'Popup') {
      const ft = deref(pdf, a.get('FT')) ?? deref(pdf, (deref(pdf, a.get('Parent')) as PdfDict | undefined)?.get?.('FT'));
      if (sub !== 'Widget' || (ft instanceof PdfName && ft.value === 'Sig') || !ft) continue;
      const v = deref(pdf, a.get('V'));
      out.push(`W:${v instanceof PdfString ? hex(v.bytes) : String(v instanceof PdfName ? v.value : '')}`);
      continue;
    }
    const rect = deref(pdf, a.get('Rect'));
    const nums: number[] = [];
    if (rect instanceof PdfArray) for (let j = 0; j < rect.length; j++) { const n = deref(pdf, rect.at(j)); if (n instanceof PdfNumber) nums.push(Math.round(n.value)); }
    const contents = deref(pdf, a.get('Contents'));
    out.push(`${sub}:${nums.join(',')}:${contents instanceof PdfString ? hex(sha256(contents.bytes)) : ''}`);
  }
  return out.sort().join(';');
}

function attr(attrs: pkijs.SignedAndUnsignedAttributes | undefined, oid: string) {
  return attrs?.attributes.find((a) => a.type === oid)?.values[0];
}

async function checkOne(index: number, s: RawSig, bytes: Uint8Array, trust: VerifyTrust, dss: Dss, eofs: number[], finalPrint: string | null): Promise<SignatureReport> {
  const problems: string[] = [];
  const r: SignatureReport = {
    index,
    fieldName: s.fieldName,
    signer: null,
    claimedSigningTime: null,
    timestamp: null,
    integrity: false,
    certificateBinding: false,
    chain: { status: 'invalid', path: [] },
    revocation: { atSigning: 'unknown', now: 'unknown', source: 'none', revokedAt: null },
    coversUntilByte: 0,
    modifiedAfter: false,
    laterRevisions: 0,
    verdict: 'invalid',
    problems,
  };
  // ByteRange sanity: [0 a b c], the gap holds exactly the /Contents hex string
  const [a, b, c, d] = s.byteRange;
  const okRange =
    s.byteRange.length === 4 && [a, b, c, d].every((n) => Number.isInteger(n) && n >= 0) && a === 0 && b > 0 && c > b && c + d <= bytes.length &&
    bytes[b] === 0x3c && bytes[c - 1] === 0x3e;
  if (!okRange) {
    problems.push('byte_range');
    return r;
  }
  r.coversUntilByte = c + d;
  const signedBytes = Buffer.concat([Buffer.from(bytes.subarray(0, b)), Buffer.from(bytes.subarray(c, c + d))]);
  let sd: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(toAb(s.contents));
    if (parsed.offset === -1) throw new Error('asn1');
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) throw new Error('not signed data');
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch {
    problems.push('cms_malformed');
    return r;
  }
  const si = sd.signerInfos[0];
  const certs = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const sid = si?.sid;
  const signerPk =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer))
      : certs[0];
  if (!si || !signerPk) {
    problems.push('signer_certificate_missing');
    return r;
  }
  const signer = new x509.X509Certificate(signerPk.toSchema().toBER(false));
  r.signer = {
    name: signer.subjectName.getField('CN')[0] ?? signer.subject,
    subject: dnText(signer.subject),
    serialHex: signer.serialNumber.toLowerCase(),
    issuer: dnText(signer.issuer),
    notBefore: signer.notBefore.toISOString(),
    notAfter: signer.notAfter.toISOString(),
  };
  const st = attr(si.signedAttrs, OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  if (st && 'toDate' in st) r.claimedSigningTime = st.toDate().toISOString();
  // integrity and the signature itself
  try {
    const v = await sd.verify({ signer: 0, data: toAb(signedBytes), checkChain: false, extendedMode: true });
    r.integrity = v.signatureVerified === true;
  } catch {
    r.integrity = false;
  }
  if (!r.integrity) problems.push('integrity');
  // signing-certificate-v2 binds the certificate to the signature
  try {
    const v = attr(si.signedAttrs, OID.signingCertificateV2) as asn1js.Sequence | undefined;
    const certIds = v?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const first = certIds?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const items = first?.valueBlock.value ?? [];
    const hashOct = items.find((x) => x instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
    r.certificateBinding = !!hashOct && hex(hashOct.valueBlock.valueHexView) === hex(sha256(new Uint8Array(signer.rawData)));
  } catch {
    r.certificateBinding = false;
  }
  // signature timestamp (B-T)
  let signingAt: Date | null = r.claimedSigningTime ? new Date(r.claimedSigningTime) : null;
  const tstAttr = attr(si.unsignedAttrs, OID.timeStampToken);
  if (tstAttr) {
    try {
      const tci = new pkijs.ContentInfo({ schema: tstAttr });
      const tsd = new pkijs.SignedData({ schema: tci.content });
      const eContent = tsd.encapContentInfo.eContent as asn1js.OctetString;
      const infoBytes = eContent.valueBlock.value.length
        ? Buffer.concat(eContent.valueBlock.value.map((p) => Buffer.from((p as asn1js.OctetString).valueBlock.valueHexView)))
        : Buffer.from(eContent.valueBlock.valueHexView);
      const info = pkijs.TSTInfo.fromBER(toAb(infoBytes));
      const imprintOk = hex(info.messageImprint.hashedMessage.valueBlock.valueHexView) === hex(sha256(new Uint8Array(si.signature.valueBlock.valueHexView)));
      // pkijs re-reads the TSTInfo from a primitive OCTET STRING; normalise a constructed one
      tsd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toAb(new Uint8Array(infoBytes)) });
      const v = await tsd.verify({ signer: 0, data: toAb(new Uint8Array(si.signature.valueBlock.valueHexView)), checkChain: false, extendedMode: true }).catch(() => ({ signatureVerified: false }));
      const tsaCert = (tsd.certificates ?? []).find((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
      const tsaChain = tsaCert ? chainOf(new x509.X509Certificate(tsaCert.toSchema().toBER(false)), [...certs, ...(tsd.certificates ?? [])], dss, trust, info.genTime) : null;
      r.timestamp = {
        time: info.genTime.toISOString(),
        valid: imprintOk && v.signatureVerified === true && tsaChain?.status === 'trusted',
        tsa: tsaCert ? new x509.X509Certificate(tsaCert.toSchema().toBER(false)).subjectName.getField('CN')[0] ?? null : null,
      };
      if (r.timestamp.valid) signingAt = info.genTime;
      else problems.push('timestamp_invalid');
    } catch {
      problems.push('timestamp_invalid');
    }
  }
  // chain to a trusted root, valid at signing time
  const ch = chainOf(signer, certs, dss, trust, signingAt ?? new Date());
  r.chain = { status: ch.status, path: ch.path.map((x) => x.subjectName.getField('CN')[0] ?? x.subject) };
  if (ch.status !== 'trusted') problems.push(ch.status === 'untrusted' ? 'chain_untrusted' : 'chain_invalid');
  // revocation: embedded DSS first, then online for our own CA
  const issuer = ch.path[1];
  const fromDss = dssStatus(signer, dss);
  if (fromDss) {
    r.revocation.source = 'dss';
    r.revocation.atSigning = fromDss.status === 'revoked' && fromDss.revokedAt && signingAt && fromDss.revokedAt > signingAt ? 'good' : fromDss.status;
    r.revocation.now = fromDss.status;
    if (fromDss.revokedAt) r.revocation.revokedAt = fromDss.revokedAt.toISOString();
  }
  if (issuer && trust.onlineStatus) {
    try {
      const on = await trust.onlineStatus(signer, issuer);
      if (on.status !== 'unknown') {
        // the current status shown to the user comes from the responder, not the embedded data
        r.revocation.now = on.status;
        r.revocation.source = 'online';
        if (on.status === 'revoked') {
          r.revocation.revokedAt = on.revokedAt?.toISOString() ?? r.revocation.revokedAt;
          r.revocation.atSigning = on.revokedAt && signingAt && on.revokedAt > signingAt ? (r.revocation.atSigning === 'unknown' ? 'good' : r.revocation.atSigning) : 'revoked';
        } else if (r.revocation.atSigning === 'unknown') r.revocation.atSigning = 'good';
      }
    } catch {
      /* offline */
    }
  }
  if (r.revocation.atSigning === 'revoked') problems.push('revoked_at_signing');
  else if (r.revocation.now === 'revoked') problems.push('revoked_later');
  else if (r.revocation.now === 'unknown') problems.push('revocation_unknown');
  // changes after this signature: later revisions that alter what a reader sees
  r.laterRevisions = eofs.filter((e) => e > c + d).length;
  if (r.laterRevisions > 0 && finalPrint) {
    try {
      const rev = await PDF.load(bytes.subarray(0, c + d));
      r.modifiedAfter = (await fingerprint(rev)) !== finalPrint;
    } catch {
      r.modifiedAfter = true;
    }
  }
  if (r.modifiedAfter) problems.push('modified_after');
  r.verdict =
    !r.integrity || ch.status === 'invalid' || r.revocation.atSigning === 'revoked' || r.modifiedAfter
      ? 'invalid'
      : ch.status !== 'trusted' || !r.certificateBinding || problems.length
        ? 'warning'
        : 'valid';
  return r;
}

function chainOf(leaf: x509.X509Certificate, extra: unknown[], dss: Dss, trust: VerifyTrust, at: Date): { status: 'trusted' | 'untrusted' | 'invalid'; path: x509.X509Certificate[] } {
  const pool: x509.X509Certificate[] = [...trust.roots];
  for (const c of extra) if (c instanceof pkijs.Certificate) pool.push(new x509.X509Certificate(c.toSchema().toBER(false)));
  for (const d of dss.certs) {
    try {
      pool.push(new x509.X509Certificate(toAb(d)));
    } catch {
      /* skip */
    }
  }
  const path: x509.X509Certificate[] = [leaf];
  let status: 'trusted' | 'untrusted' | 'invalid' = 'untrusted';
  let cur = leaf;
  for (let depth = 0; depth < 8; depth++) {
    if (at < cur.notBefore || at > cur.notAfter) return { status: 'invalid', path };
    const isRoot = trust.roots.some((r) => r.equal(cur));
    if (isRoot) {
      status = 'trusted';
      break;
    }
    const issuer = pool.find((p) => p.subject === cur.issuer && !p.equal(cur)) ?? (cur.subject === cur.issuer ? cur : undefined);
    if (!issuer) break;
    if (issuer === cur) break; // self-signed, not trusted
    path.push(issuer);
    cur = issuer;
  }
  return { status, path };
}

function dssStatus(cert: x509.X509Certificate, dss: Dss): { status: RevStatus; revokedAt: Date | null } | null {
  const serial = cert.serialNumber.toLowerCase().replace(/^(00)+/, '');
  for (const o of dss.ocsps) {
    try {
      const resp = pkijs.OCSPResponse.fromBER(toAb(o));
      if (!resp.responseBytes) continue;
      const basic = pkijs.BasicOCSPResponse.fromBER(toAb(new Uint8Array(resp.responseBytes.response.valueBlock.valueHexView)));
      for (const sr of basic.tbsResponseData.responses) {
        if (hex(sr.certID.serialNumber.valueBlock.valueHexView).replace(/^(00)+/, '') !== serial) continue;
        const tag = (sr.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
        if (tag === 0) return { status: 'good', revokedAt: null };
        if (tag === 1) {
          const t = (sr.certStatus as asn1js.Constructed).valueBlock.value[0] as asn1js.GeneralizedTime;
          return { status: 'revoked', revokedAt: t?.toDate?.() ?? null };
        }
      }
    } catch {
      /* skip broken responses */
    }
  }
  for (const d of dss.crls) {
    try {
      const crl = new x509.X509Crl(toAb(d));
      if (crl.issuer !== cert.issuer) continue;
      const e = crl.entries.find((x) => x.serialNumber.toLowerCase().replace(/^(00)+/, '') === serial);
      return e ? { status: 'revoked', revokedAt: e.revocationDate } : { status: 'good', revokedAt: null };
    } catch {
      /* skip */
    }
  }
  return null;
}
