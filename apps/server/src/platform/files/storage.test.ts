import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InvalidStorageKey, isSafeStorageKey, LocalDiskStorage, readStreamToBuffer, StorageKeyNotFound } from './storage.js';

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'persada-storage-'));
    storage = new LocalDiskStorage(path.join(dir, 'files'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('[L1] puts, gets, checks and deletes objects, creating directories as needed', async () => {
    const key = 'ab/cd/0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, Buffer.from('isi berkas'));
    expect(await storage.exists(key)).toBe(true);
    expect((await readStreamToBuffer(await storage.get(key))).toString()).toBe('isi berkas');

    const onDisk = path.join(dir, 'files', 'ab', 'cd', '0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(await readFile(onDisk, 'utf8')).toBe('isi berkas');
    if (process.platform !== 'win32') expect((await stat(onDisk)).mode & 0o777).toBe(0o600);

    // Replace atomically, from a stream this time; no temp files are left behind.
    await storage.put(key, Readable.from([Buffer.from('versi '), Buffer.from('kedua')]));
    expect((await readStreamToBuffer(await storage.get(key))).toString()).toBe('versi kedua');
    expect(await readdir(path.dirname(onDisk))).toEqual([path.basename(onDisk)]);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key); // idempotent
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyNotFound);
  });

  it('[L1] rejects path traversal and other unsafe keys', async () => {
    const bad = [
      '../escape',
      'ab/../../escape',
      '/etc/passwd',
      'ab//cd',
      'ab/./cd',
      'ab\\..\\cd',
      'C:/windows',
      '.hidden',
      'ab/.tmp-x',
      'a\u0000b',
      '',
      'ab/',
      'x'.repeat(600),
    ];
    for (const key of bad) {
      expect(isSafeStorageKey(key), key).toBe(false);
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.exists(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
    }
    // Nothing was written outside (or inside) the root.
    expect(await readdir(dir)).toEqual([]);
    expect(isSafeStorageKey('ab/cd/report-2025_v1.pdf')).toBe(true);
  });

  it('[L1] leaves no partial file when a streamed write fails', async () => {
    const key = 'aa/bb/failing';
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial data'));
        this.destroy(new Error('client aborted'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow('client aborted');
    expect(await storage.exists(key)).toBe(false);
    expect(await readdir(path.join(dir, 'files', 'aa', 'bb'))).toEqual([]);
  });

  it('[L1] readStreamToBuffer enforces a maximum', async () => {
    await expect(readStreamToBuffer(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)).rejects.toThrow(RangeError);
  });
});
