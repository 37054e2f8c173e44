import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Small authenticated encryption (AES-256-GCM) for secrets kept in the database (TOTP seeds). */
export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

export function createSecretBox(masterKey: Buffer, purpose: string): SecretBox {
  const key = createHmac('sha256', masterKey).update(`persada:${purpose}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), ct.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, ct, tag] = sealed.split('.');
      if (v !== 'v1') throw new Error('unknown secret format');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

/**
 * The application master key: APP_SECRET_KEY (base64, 32 bytes) when set, else a key file
 * created once in the data folder with mode 0600.
 */
export function loadAppKey(dataDir: string, envValue?: string): Buffer {
  if (envValue) {
    const k = Buffer.from(envValue, 'base64');
    if (k.length !== 32) throw new Error('APP_SECRET_KEY must be 32 bytes in base64');
    return k;
  }
  const file = path.join(dataDir, 'keys', 'app-master.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const k = randomBytes(32);
  fs.writeFileSync(file, k.toString('base64'), { mode: 0o600 });
  return k;
}
