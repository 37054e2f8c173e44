/**
 * Blob storage abstraction. Keys are opaque, slash-separated relative paths chosen by
 * the server (e.g. `ab/cd/<uuid>`), never by clients.
 *
 * LocalDiskStorage stores each key as a file under `rootDir`:
 *  - keys are validated (isSafeStorageKey) and the resolved path must stay inside rootDir,
 *    so path traversal (`../`, absolute paths, backslashes, NUL) is rejected;
 *  - writes go to a temp file in the target directory (0600, fsync'd) and are then
 *    renamed over the final name, so readers never see a partial file;
 *  - directories are created as needed.
 *
 * No S3-compatible adapter is provided: a correct one needs either the AWS SDK (heavy) or
 * a hand-written SigV4 client that cannot be tested offline. Implement FileStorage for it
 * when object storage is needed.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStorage {
  /** Stores (or atomically replaces) the object under `key`. */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** Opens the object for reading; rejects with StorageKeyNotFound when absent. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class InvalidStorageKey extends Error {
  constructor(readonly storageKey: string) {
    super(`invalid storage key: ${JSON.stringify(storageKey.slice(0, 200))}`);
    this.name = 'InvalidStorageKey';
  }
}

export class StorageKeyNotFound extends Error {
  readonly code = 'ENOENT';
  constructor(readonly storageKey: string) {
    super(`storage key not found: ${storageKey}`);
    this.name = 'StorageKeyNotFound';
  }
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/**
 * A safe key is 1..16 segments joined by "/", each starting with a letter or digit and
 * containing only letters, digits, ".", "_" and "-". Hence no "", ".", "..", leading "/",
 * backslash, drive letter, NUL or hidden (dot) names — temp files start with "." and can
 * therefore never clash with a key.
 */
export function isSafeStorageKey(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split('/');
  return segments.length <= 16 && segments.every((s) => SEGMENT.test(s));
}

export class LocalDiskStorage implements FileStorage {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(rootDir);
  }

  /** Absolute path of a key, after validation (throws InvalidStorageKey). */
  resolveKey(key: string): string {
    if (!isSafeStorageKey(key)) throw new InvalidStorageKey(String(key));
    const full = path.resolve(this.rootDir, ...key.split('/'));
    // Defence in depth: the validated key can never escape, but check anyway.
    if (!full.startsWith(this.rootDir + path.sep)) throw new InvalidStorageKey(key);
    return full;
  }

  async put(key: string, data: Buffer | Readable): Promise<void> {
    const target = this.resolveKey(key);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(dir, `.tmp-${path.basename(target)}-${randomUUID()}`);
    try {
      if (Buffer.isBuffer(data)) {
        await fs.writeFile(tmp, data, { flag: 'wx', mode: 0o600, flush: true });
      } else if (data instanceof Readable) {
        await pipeline(data, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
      } else {
        throw new TypeError('FileStorage.put: data must be a Buffer or a Readable');
      }
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
    await syncDir(dir);
  }

  async get(key: string): Promise<Readable> {
    const full = this.resolveKey(key);
    let fh: FileHandle;
    try {
      fh = await fs.open(full, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StorageKeyNotFound(key);
      throw err;
    }
    if (!(await fh.stat()).isFile()) {
      await fh.close();
      throw new StorageKeyNotFound(key);
    }
    return fh.createReadStream(); // closes the handle when done or destroyed
  }

  async delete(key: string): Promise<void> {
    const full = this.resolveKey(key);
    try {
      await fs.unlink(full);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    const full = this.resolveKey(key);
    try {
      return (await fs.stat(full)).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}

/** fsync a directory so a rename survives a crash (best effort; unsupported on Windows). */
async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
  } catch {
    // ignore: not supported on every platform/filesystem
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Reads a stream fully into a Buffer, failing once more than `maxBytes` arrive. */
export async function readStreamToBuffer(stream: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new RangeError(`stream exceeds ${maxBytes} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
