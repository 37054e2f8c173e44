import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

/**
 * Private keys that live in a PKCS#11 token: WebCrypto cannot sign with them, so x509/pkijs get a
 * SubtleCrypto whose `sign` hands such keys to the token (raw r||s, as WebCrypto returns it) and
 * passes everything else to node's WebCrypto unchanged.
 */
export type TokenSigner = (hash: 'sha256' | 'sha384' | 'sha512', data: Buffer) => Promise<Uint8Array>;
const tokenSigners = new WeakMap<object, TokenSigner>();

/** A CryptoKey-shaped handle (private, non-extractable, sign only) that signs through `signer`. */
export function tokenCryptoKey(namedCurve: 'P-256' | 'P-384', signer: TokenSigner): CryptoKey {
  const key = Object.freeze({ type: 'private', extractable: false, algorithm: Object.freeze({ name: 'ECDSA', namedCurve }), usages: ['sign'] }) as unknown as CryptoKey;
  tokenSigners.set(key, signer);
  return key;
}

function hashOf(alg: unknown): 'sha256' | 'sha384' | 'sha512' {
  const h = (alg as { hash?: string | { name: string } }).hash;
  const name = (typeof h === 'string' ? h : (h?.name ?? '')).toUpperCase();
  if (name === 'SHA-256' || name === 'SHA-384' || name === 'SHA-512') return name.replace('-', '').toLowerCase() as 'sha256';
  throw new Error(`token keys sign with SHA-256/384/512 only, not ${name || 'no hash'}`);
}

const routedSubtle = new Proxy(webcrypto.subtle, {
  get(target, prop) {
    if (prop === 'sign') {
      return (alg: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) => {
        const signer = tokenSigners.get(key);
        if (!signer) return target.sign(alg, key, data);
        const bytes = ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data as ArrayBuffer);
        return signer(hashOf(alg), bytes).then((sig) => ab(sig));
      };
    }
    const v = Reflect.get(target, prop, target);
    // node's SubtleCrypto methods insist on being called on the real instance
    return typeof v === 'function' ? v.bind(target) : v;
  },
});
const routedCrypto = {
  subtle: routedSubtle,
  getRandomValues: <T extends ArrayBufferView | null>(a: T) => webcrypto.getRandomValues(a as never) as T,
  randomUUID: () => webcrypto.randomUUID(),
} as unknown as Crypto;

/**
 * WebCrypto with token-key routing, for every signature the CA makes. Pass it explicitly
 * (X509CertificateGenerator.create(params, caCrypto), SignedData.sign(..., caEngine)): other
 * modules also set the x509/pkijs globals, so the global provider is not ours to rely on.
 */
export const caCrypto = routedCrypto;
export const caEngine = new pkijs.CryptoEngine({ name: 'node', crypto: routedCrypto });

/** One place that wires WebCrypto into @peculiar/x509 and pkijs (x509 needs reflect-metadata first). */
x509.cryptoProvider.set(routedCrypto);
pkijs.setEngine('node', caEngine);

export { x509, pkijs, webcrypto };
export const subtle = webcrypto.subtle;

/** 128 random bits, positive, first byte never zero: no padding or sign problems anywhere. */
export function randomSerialHex(): string {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0] & 0x7f) | 0x40;
  return Buffer.from(b).toString('hex');
}

export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export function fromPem(text: string): Uint8Array | null {
  const m = text.match(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/);
  if (!m) return null;
  return new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

export const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
