import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

/** One place that wires WebCrypto into @peculiar/x509 and pkijs (x509 needs reflect-metadata first). */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

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
