import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** URL-safe random token with an optional readable prefix. */
export const randomToken = (bytes = 32, prefix = '') => prefix + randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A readable one-time password that satisfies the password policy. */
export function temporaryPassword(): string {
  const pick = (set: string, n: number) =>
    Array.from(randomBytes(n), (b) => set[b % set.length]).join('');
  const chars =
    pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 3) + pick('abcdefghijkmnopqrstuvwxyz', 6) + pick('23456789', 3) + pick('!@#%&*?', 2);
  return Array.from(chars)
    .map((c) => ({ c, k: randomBytes(2).readUInt16BE() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c)
    .join('');
}
