import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecryptionError, loadOrCreateMasterKey } from './crypto.js';
import { UploadRejected } from './inspect.js';
import { createFileService, IntegrityError, type FileService } from './service.js';
import { LocalDiskStorage } from './storage.js';
import { FAKE_EXE, TINY_PDF, TINY_PNG } from './test-fixtures.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('file service', () => {
  let dataDir: string;
  let storage: LocalDiskStorage;
  let service: FileService;
  let masterKey: Buffer;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'persada-files-'));
    storage = new LocalDiskStorage(path.join(dataDir, 'files'));
    masterKey = await loadOrCreateMasterKey(dataDir);
    service = createFileService({ storage, masterKey });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const diskPath = (key: string) => path.join(dataDir, 'files', ...key.split('/'));

  it('[A6] stores an unclassified file as-is with a random key and the plaintext sha256', async () => {
    const stored = await service.store(TINY_PNG, { classified: false, filename: 'foto.png' });
    expect(stored).toMatchObject({ size: TINY_PNG.length, mime: 'image/png', ext: 'png', encrypted: false, sha256: sha(TINY_PNG) });
    expect(stored.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(stored.storageKey.slice(6, 8)).toBe(stored.storageKey.slice(0, 2));
    expect((await readFile(diskPath(stored.storageKey))).equals(TINY_PNG)).toBe(true);
    const back = await service.read(stored.storageKey, { encrypted: false, sha256: stored.sha256 });
    expect(back.equals(TINY_PNG)).toBe(true);

    const again = await service.store(TINY_PNG, { classified: false });
    expect(again.storageKey).not.toBe(stored.storageKey);
  });

  it('[L1] encrypts classified files at rest: no plaintext on disk, decrypts back, sha256 of plaintext', async () => {
    const secret = Buffer.from('nomor;kunci\n1;SANGAT-RAHASIA-7731\n', 'utf8');
    const stored = await service.store(secret, { classified: true, filename: 'kunci.csv' });
    expect(stored).toMatchObject({ encrypted: true, ext: 'csv', mime: 'text/csv', size: secret.length, sha256: sha(secret) });

    const onDisk = await readFile(diskPath(stored.storageKey));
    expect(onDisk.subarray(0, 7).toString()).toBe('PSDENC1');
    expect(onDisk.includes(Buffer.from('SANGAT-RAHASIA'))).toBe(false);
    expect(onDisk.includes(secret)).toBe(false);
    expect(sha(onDisk)).not.toBe(stored.sha256);

    const back = await service.read(stored.storageKey, { encrypted: true, sha256: stored.sha256 });
    expect(back.equals(secret)).toBe(true);

    // Another master key cannot read it.
    const other = createFileService({ storage, masterKey: randomBytes(32) });
    await expect(other.read(stored.storageKey, { encrypted: true })).rejects.toBeInstanceOf(DecryptionError);
  });

  it('[L1] tampered ciphertext on disk makes the read throw', async () => {
    const stored = await service.store(TINY_PDF, { classified: true, filename: 'nota.pdf' });
    const file = diskPath(stored.storageKey);
    const bytes = await readFile(file);
    bytes[bytes.length - 5] ^= 0xff;
    await writeFile(file, bytes);
    await expect(service.read(stored.storageKey, { encrypted: true, sha256: stored.sha256 })).rejects.toBeInstanceOf(DecryptionError);
  });

  it('[A6] verifies the stored sha256 on read', async () => {
    const stored = await service.store(TINY_PDF, { classified: false, filename: 'a.pdf' });
    const file = diskPath(stored.storageKey);
    const bytes = await readFile(file);
    bytes[20] ^= 0x01;
    await writeFile(file, bytes);
    await expect(service.read(stored.storageKey, { encrypted: false, sha256: stored.sha256 })).rejects.toBeInstanceOf(IntegrityError);
    // Without an expected hash the (modified) bytes are returned as they are.
    expect((await service.read(stored.storageKey, { encrypted: false })).equals(bytes)).toBe(true);
    // Reading a plaintext object as encrypted fails cleanly.
    await expect(service.read(stored.storageKey, { encrypted: true })).rejects.toBeInstanceOf(DecryptionError);
  });

  it('[A6] refuses disallowed or oversized uploads before writing anything', async () => {
    await expect(service.store(FAKE_EXE, { classified: false, filename: 'surat.pdf' })).rejects.toMatchObject({
      key: 'file.type_not_allowed',
    });
    const small = createFileService({ storage, masterKey, maxBytes: 64 });
    await expect(small.store(TINY_PDF, { classified: true })).rejects.toBeInstanceOf(UploadRejected);
    await expect(small.store(TINY_PDF, { classified: true })).rejects.toMatchObject({ key: 'file.too_large' });
    await expect(readFile(path.join(dataDir, 'files'))).rejects.toThrow(); // root never created
  });

  it('[A6] deletes stored files', async () => {
    const stored = await service.store(TINY_PNG, { classified: true });
    expect(await service.exists(stored.storageKey)).toBe(true);
    await service.delete(stored.storageKey);
    expect(await service.exists(stored.storageKey)).toBe(false);
  });

  it('[L1] requires a 32-byte master key', () => {
    expect(() => createFileService({ storage, masterKey: Buffer.alloc(16) })).toThrow(/32-byte/);
  });
});
