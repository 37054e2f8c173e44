import { createHash } from 'node:crypto';
import { children, readTlv } from './der.js';

/**
 * The parts of a certificate the CA needs again and again (CRL issuer, OCSP CertID hashes),
 * read straight from the DER so every library sees exactly the same bytes.
 */
export type CertParts = {
  der: Buffer;
  serialHex: string;
  subjectDer: Buffer;
  issuerDer: Buffer;
  spkiDer: Buffer;
  /** Contents of the subjectPublicKey BIT STRING without the unused-bits byte (RFC 6960 issuerKeyHash input). */
  publicKeyBits: Buffer;
};

export function certParts(der: Uint8Array): CertParts {
  const buf = Buffer.from(der);
  const tbs = children(buf, 0)[0];
  const f = children(buf, tbs.start);
  const off = f[0].tag === 0xa0 ? 1 : 0;
  const serial = f[off];
  const slice = (c: { start: number; end: number }) => buf.subarray(c.start, c.end);
  const spki = f[off + 5];
  const bits = children(buf, spki.start)[1];
  const bitsTlv = readTlv(buf, bits.start);
  return {
    der: buf,
    serialHex: buf.subarray(serial.start + serial.hdr, serial.end).toString('hex').replace(/^(00)+(?=[0-9a-f]{2})/, ''),
    issuerDer: slice(f[off + 2]),
    subjectDer: slice(f[off + 4]),
    spkiDer: slice(spki),
    publicKeyBits: buf.subarray(bits.start + bitsTlv.hdr + 1, bits.end),
  };
}

export type IssuerHashes = Record<'sha1' | 'sha256' | 'sha384' | 'sha512', { name: string; key: string }>;

/** issuerNameHash / issuerKeyHash for every hash OCSP clients use. */
export function issuerHashes(p: CertParts): IssuerHashes {
  const h = (alg: string, b: Buffer) => createHash(alg).update(b).digest('hex');
  const out = {} as IssuerHashes;
  for (const alg of ['sha1', 'sha256', 'sha384', 'sha512'] as const) out[alg] = { name: h(alg, p.subjectDer), key: h(alg, p.publicKeyBits) };
  return out;
}

/**
 * A distinguished name for people to read: @peculiar/x509 prints the X.520 serialNumber (the NIP)
 * as its bare OID; show it as OpenSSL does. Never use the result to compare names.
 */
export const dnText = (dn: string) => dn.replace(/(^|,\s*)2\.5\.4\.5=/g, '$1serialNumber=');
