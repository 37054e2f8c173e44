import { X509Certificate, randomBytes, verify as nodeVerify } from 'node:crypto';

/**
 * The CMS pieces of PAdES assembly written as plain DER (bench findings §14): the generic
 * ASN.1 object model (asn1js/pkijs) parsed and re-encoded every certificate on every signature,
 * which was most of the assembly time. Only fixed, well-known structures are built here.
 */

type Tlv = { tag: number; start: number; hdr: number; len: number; end: number };

/** Reads the TLV at `off` (definite lengths only, as DER requires). */
export function tlv(buf: Uint8Array, off: number): Tlv {
  const tag = buf[off];
  let len = buf[off + 1];
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[off + 2 + i];
    hdr = 2 + n;
  }
  const end = off + hdr + len;
  if (end > buf.length) throw new Error('DER overrun');
  return { tag, start: off, hdr, len, end };
}

export function children(buf: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = t.start + t.hdr; off < t.end; ) {
    const c = tlv(buf, off);
    out.push(c);
    off = c.end;
  }
  return out;
}

const raw = (buf: Uint8Array, t: Tlv) => buf.subarray(t.start, t.end);

function lenBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

/** DER TLV from a tag and its contents. */
export function der(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((a, p) => a + p.length, 0);
  return Buffer.concat([Buffer.from([tag, ...lenBytes(len)]), ...parts]);
}

const h = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const OIDS = {
  signedData: h('06 09 2a864886f70d010702'),
  data: h('06 09 2a864886f70d010701'),
  sha256AlgId: h('30 0b 06 09 608648016503040201'),
  rsaAlgId: h('30 0d 06 09 2a864886f70d010101 0500'),
  ecdsaSha256AlgId: h('30 0a 06 08 2a8648ce3d040302'),
  timeStampToken: h('06 0b 2a864886f70d010910020e'),
};

export type KeyKind = 'RSA' | 'EC';

type CertInfo = { kind: KeyKind; issuer: Uint8Array; serial: Uint8Array; x509: X509Certificate };
const certCache = new Map<string, CertInfo>();

/** Issuer, serial and key kind of a certificate, cached (certificates repeat across signatures). */
export function certInfo(certDer: Uint8Array): CertInfo {
  const key = Buffer.from(certDer).toString('base64');
  const hit = certCache.get(key);
  if (hit) return hit;
  const x509 = new X509Certificate(certDer);
  const t = x509.publicKey.asymmetricKeyType;
  if (t !== 'rsa' && t !== 'ec') throw new Error('unsupported key');
  const cert = tlv(certDer, 0);
  const tbs = children(certDer, cert)[0];
  const f = children(certDer, tbs);
  const i = f[0].tag === 0xa0 ? 1 : 0; // [0] version
  const info: CertInfo = { kind: t === 'rsa' ? 'RSA' : 'EC', serial: raw(certDer, f[i]), issuer: raw(certDer, f[i + 2]), x509 };
  certCache.set(key, info);
  while (certCache.size > 256) certCache.delete(certCache.keys().next().value!);
  return info;
}

const isP1363 = (sig: Uint8Array) => sig.length === 64 || sig.length === 96 || sig.length === 132;

function derInt(b: Uint8Array) {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  return der(0x02, ...(v[0] & 0x80 ? [new Uint8Array([0]), v] : [v]));
}

/** The CMS SignatureValue: ECDSA r||s (WebCrypto) → DER SEQUENCE { r, s }; RSA as is. */
export function signatureValue(kind: KeyKind, sig: Uint8Array): Uint8Array {
  if (kind === 'RSA' || !isP1363(sig)) return sig;
  const n = sig.length / 2;
  return der(0x30, derInt(sig.subarray(0, n)), derInt(sig.subarray(n)));
}

/** Checks a browser signature (RSA PKCS#1 v1.5 or ECDSA, SHA-256) with Node's native crypto. */
export function verifySignature(certDer: Uint8Array, data: Uint8Array, sig: Uint8Array): boolean {
  try {
    const c = certInfo(certDer);
    if (c.kind === 'RSA') return nodeVerify('sha256', data, c.x509.publicKey, sig);
    return nodeVerify('sha256', data, { key: c.x509.publicKey, dsaEncoding: isP1363(sig) ? 'ieee-p1363' : 'der' }, sig);
  } catch {
    return false;
  }
}

/** DER TimeStampReq (RFC 3161) for a SHA-256 digest, with a nonce and certReq. */
export function timeStampReq(digest: Uint8Array): Uint8Array {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] & 0x7f) | 0x01;
  return der(0x30, h('020101'), der(0x30, OIDS.sha256AlgId, der(0x04, digest)), der(0x02, nonce), h('0101ff'));
}

/** The TimeStampToken of a granted TimeStampResp and the certificates inside it. */
export function readTimeStampResp(tsr: Uint8Array): { token: Uint8Array; certs: Uint8Array[] } {
  const top = children(tsr, tlv(tsr, 0));
  const status = children(tsr, top[0])[0];
  const code = tsr[status.start + status.hdr + status.len - 1];
  if (status.len !== 1 || (code !== 0 && code !== 1) || !top[1]) throw new Error('timestamp refused');
  const token = raw(tsr, top[1]);
  const certs: Uint8Array[] = [];
  try {
    const ci = children(tsr, top[1]);
    const sd = tlv(tsr, ci[1].start + ci[1].hdr);
    const set = children(tsr, sd).find((c) => c.tag === 0xa0);
    if (set) for (const c of children(tsr, set)) if (c.tag === 0x30) certs.push(new Uint8Array(raw(tsr, c)));
  } catch {
    /* no certificates */
  }
  return { token: new Uint8Array(token), certs };
}

/**
 * ContentInfo(SignedData) for a detached CAdES signature: the signed attributes exactly as the
 * browser signed them (SET OF, re-tagged [0]), the signer's certificate and chain, and the
 * signature timestamp as unsigned attribute.
 */
export function padesCms(o: { certDer: Uint8Array; chainDer: Uint8Array[]; signedAttrsSet: Uint8Array; signature: Uint8Array; timeStampToken?: Uint8Array }): Uint8Array {
  const c = certInfo(o.certDer);
  const attrs = new Uint8Array(o.signedAttrsSet);
  attrs[0] = 0xa0;
  const unsigned = o.timeStampToken ? [der(0xa1, der(0x30, OIDS.timeStampToken, der(0x31, o.timeStampToken)))] : [];
  const signerInfo = der(
    0x30,
    h('020101'),
    der(0x30, c.issuer, c.serial),
    OIDS.sha256AlgId,
    attrs,
    c.kind === 'RSA' ? OIDS.rsaAlgId : OIDS.ecdsaSha256AlgId,
    der(0x04, signatureValue(c.kind, o.signature)),
    ...unsigned,
  );
  const signedData = der(0x30, h('020101'), der(0x31, OIDS.sha256AlgId), der(0x30, OIDS.data), der(0xa0, o.certDer, ...o.chainDer), der(0x31, signerInfo));
  return der(0x30, OIDS.signedData, der(0xa0, signedData));
}
