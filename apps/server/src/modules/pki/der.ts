/**
 * A minimal DER writer for the hot paths (CRL with 100k entries, OCSP responses): building
 * bytes directly is orders of magnitude faster than object trees, and the output is plain DER.
 */
export function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const body = parts.length === 1 ? Buffer.from(parts[0]) : Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

export const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
export const set = (...parts: Uint8Array[]) => tlv(0x31, ...parts);
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const bitString = (b: Uint8Array) => tlv(0x03, Buffer.from([0]), b);
export const nul = () => Buffer.from([0x05, 0x00]);
export const bool = (v: boolean) => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
export const enumerated = (n: number) => Buffer.from([0x0a, 0x01, n]);
/** Context-specific constructed [n] (EXPLICIT). */
export const explicit = (n: number, ...parts: Uint8Array[]) => tlv(0xa0 | n, ...parts);

/** INTEGER from an unsigned big-endian magnitude (adds a 0x00 when the top bit is set, strips extra zeros). */
export function uint(bytes: Uint8Array): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let b = Buffer.from(bytes.subarray(i));
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}
export const intHex = (hex: string) => uint(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'));
export function int(n: number): Buffer {
  const hex = n.toString(16);
  return intHex(hex);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const out: number[] = [Number(parts[0] * 40n + parts[1])];
  for (const p of parts.slice(2)) {
    const stack: number[] = [];
    let v = p;
    stack.push(Number(v & 0x7fn));
    v >>= 7n;
    while (v > 0n) {
      stack.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...stack.reverse());
  }
  return tlv(0x06, Buffer.from(out));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** GeneralizedTime in whole seconds (NSS rejects fractions). */
export function generalizedTime(d: Date): Buffer {
  const s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(0x18, Buffer.from(s, 'ascii'));
}
/** RFC 5280 Time: UTCTime up to 2049, GeneralizedTime after. */
export function time(d: Date): Buffer {
  if (d.getUTCFullYear() >= 2050) return generalizedTime(d);
  const s = `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}

/** Reads one TLV at `pos`: tag, header length, content length. */
export function readTlv(buf: Uint8Array, pos = 0): { tag: number; hdr: number; len: number; end: number } {
  const tag = buf[pos];
  let l = buf[pos + 1];
  let hdr = 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + buf[pos + 2 + i];
    hdr += n;
  }
  return { tag, hdr, len: l, end: pos + hdr + l };
}

/** The children of a constructed value (SEQUENCE / SET), as [start, end) byte ranges of whole TLVs. */
export function children(buf: Uint8Array, pos = 0): { start: number; tag: number; hdr: number; end: number }[] {
  const outer = readTlv(buf, pos);
  const out = [];
  let p = pos + outer.hdr;
  while (p < outer.end) {
    const c = readTlv(buf, p);
    out.push({ start: p, tag: c.tag, hdr: c.hdr, end: c.end });
    p = c.end;
  }
  return out;
}

export const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  crlNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  authorityKeyIdentifier: '2.5.29.35',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  kpServerAuth: '1.3.6.1.5.5.7.3.1',
  kpClientAuth: '1.3.6.1.5.5.7.3.2',
  kpEmailProtection: '1.3.6.1.5.5.7.3.4',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',
  kpOcspSigning: '1.3.6.1.5.5.7.3.9',
  kpDocumentSigning: '1.3.6.1.5.5.7.3.36',
  msDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
} as const;
