import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecryptionError, decryptBuffer, ENC_HEADER_LEN, encryptBuffer, loadOrCreateMasterKey, parseMasterKey } from './crypto.js';

const isPosix = process.platform !== 'win32';

describe('envelope encryption (AES-256-GCM)', () => {
  const masterKey = randomBytes(32);
  const plain = Buffer.from('RAHASIA: daftar kunci persandian Kabupaten Contoh', 'utf8');

  it('[L1] round-trips and hides the plaintext', () => {
    const enc = encryptBuffer(plain, masterKey);
    expect(enc.subarray(0, 8).toString('latin1')).toBe('PSDENC1\u0001');
    expect(enc.length).toBe(ENC_HEADER_LEN + plain.length);
    expect(enc.includes(plain)).toBe(false);
    expect(enc.includes(Buffer.from('RAHASIA'))).toBe(false);
    expect(decryptBuffer(enc, masterKey).equals(plain)).toBe(true);
    // Empty content works too.
    expect(decryptBuffer(encryptBuffer(Buffer.alloc(0), masterKey), masterKey).length).toBe(0);
  });

  it('[L1] uses a fresh IV and data key per file', () => {
    const a = encryptBuffer(plain, masterKey);
    const b = encryptBuffer(plain, masterKey);
    expect(a.subarray(16, ENC_HEADER_LEN).equals(b.subarray(16, ENC_HEADER_LEN))).toBe(false);
    expect(a.subarray(ENC_HEADER_LEN).equals(b.subarray(ENC_HEADER_LEN))).toBe(false);
  });

  it('[L1] throws on tampering anywhere in header or ciphertext, and on a wrong key', () => {
    const enc = encryptBuffer(plain, masterKey);
    // Flip one bit in every byte position after the magic, one at a time.
    for (let i = 7; i < enc.length; i++) {
      const t = Buffer.from(enc);
      t[i] ^= 0x01;
      expect(() => decryptBuffer(t, masterKey), `byte ${i}`).toThrow(DecryptionError);
    }
    expect(() => decryptBuffer(enc.subarray(0, enc.length - 1), masterKey)).toThrow(DecryptionError);
    expect(() => decryptBuffer(Buffer.concat([enc, Buffer.from([0])]), masterKey)).toThrow(DecryptionError);
    expect(() => decryptBuffer(enc.subarray(0, 50), masterKey)).toThrow(DecryptionError);
    expect(() => decryptBuffer(plain, masterKey)).toThrow(DecryptionError);
    expect(() => decryptBuffer(enc, randomBytes(32))).toThrow(/different master key/);
    expect(() => encryptBuffer(plain, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadOrCreateMasterKey', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'persada-keys-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('[L1] uses FILE_ENCRYPTION_KEY (base64, 32 bytes) when given', async () => {
    const key = randomBytes(32);
    expect((await loadOrCreateMasterKey(dataDir, key.toString('base64'))).equals(key)).toBe(true);
    expect((await loadOrCreateMasterKey(dataDir, key.toString('base64url'))).equals(key)).toBe(true);
    await expect(loadOrCreateMasterKey(dataDir, randomBytes(16).toString('base64'))).rejects.toThrow(/32 bytes/);
    await expect(loadOrCreateMasterKey(dataDir, 'not base64 !!')).rejects.toThrow(/base64/);
    expect(parseMasterKey(` ${key.toString('base64')}\n`).equals(key)).toBe(true);
  });

  it('[L1] creates <dataDir>/keys/file-master.key with 0600 and reuses it', async () => {
    const first = await loadOrCreateMasterKey(dataDir);
    expect(first.length).toBe(32);
    const keyPath = path.join(dataDir, 'keys', 'file-master.key');
    expect(Buffer.from((await readFile(keyPath, 'utf8')).trim(), 'base64').equals(first)).toBe(true);
    if (isPosix) {
      expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(keyPath))).mode & 0o077).toBe(0);
    }
    const second = await loadOrCreateMasterKey(dataDir, '');
    expect(second.equals(first)).toBe(true);

    if (isPosix) {
      await chmod(keyPath, 0o644);
      await loadOrCreateMasterKey(dataDir);
      expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    }
  });

  it('[L1] concurrent first use yields one key', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateMasterKey(dataDir)));
    for (const k of keys) expect(k.equals(keys[0])).toBe(true);
  });
});
