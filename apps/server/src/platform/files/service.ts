/**
 * File service: inspection + storage + optional encryption at rest. DB-free — callers
 * persist the returned metadata (storageKey, sha256, size, mime, ext, encrypted) and
 * pass `encrypted` and `sha256` back when reading.
 */
import { randomUUID } from 'node:crypto';
import { decryptBuffer, encryptBuffer } from './crypto.js';
import { inspectUpload, sha256Hex, type InspectOptions } from './inspect.js';
import { readStreamToBuffer, type FileStorage } from './storage.js';

export interface FileServiceOptions {
  storage: FileStorage;
  /** 32-byte master key (see loadOrCreateMasterKey). Used for classified files. */
  masterKey: Buffer;
  /** Default upload limit in bytes (default 25 MiB). */
  maxBytes?: number;
  /** Default allow list (default DEFAULT_ALLOWED_TYPES). */
  allowed?: readonly string[];
}

export interface StoreOptions extends InspectOptions {
  /** Classified files are encrypted at rest (AES-256-GCM envelope encryption). */
  classified: boolean;
}

export interface StoredFile {
  /** Random server-chosen key, `ab/cd/<uuid>`. */
  storageKey: string;
  /** Hex SHA-256 of the PLAINTEXT. */
  sha256: string;
  /** Plaintext size in bytes. */
  size: number;
  mime: string;
  ext: string;
  encrypted: boolean;
}

export interface ReadOptions {
  /** Whether the object was stored encrypted (from StoredFile.encrypted). */
  encrypted: boolean;
  /** Expected plaintext SHA-256; when given, a mismatch throws IntegrityError. */
  sha256?: string;
}

export interface FileService {
  /** Inspects (size + content type), hashes, optionally encrypts and stores a file. */
  store(buffer: Buffer, options: StoreOptions): Promise<StoredFile>;
  /** Reads (and decrypts) a file; verifies the hash when `sha256` is given. */
  read(storageKey: string, options: ReadOptions): Promise<Buffer>;
  delete(storageKey: string): Promise<void>;
  exists(storageKey: string): Promise<boolean>;
}

/** Stored content does not match its recorded SHA-256. */
export class IntegrityError extends Error {
  readonly key = 'file.integrity_failed' as const;
  constructor(
    readonly storageKey: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`integrity check failed for ${storageKey}`);
    this.name = 'IntegrityError';
  }
}

/** A new random storage key: `ab/cd/<uuid>` where ab/cd are the uuid's first hex digits. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

export function createFileService(options: FileServiceOptions): FileService {
  const { storage, masterKey } = options;
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== 32) {
    throw new TypeError('createFileService: masterKey must be a 32-byte Buffer');
  }

  return {
    async store(buffer, opts) {
      const info = await inspectUpload(buffer, {
        maxBytes: opts.maxBytes ?? options.maxBytes,
        allowed: opts.allowed ?? options.allowed,
        filename: opts.filename,
      });
      const encrypted = opts.classified === true;
      const payload = encrypted ? encryptBuffer(buffer, masterKey) : buffer;
      const storageKey = newStorageKey();
      await storage.put(storageKey, payload);
      return { storageKey, sha256: info.sha256, size: info.size, mime: info.mime, ext: info.ext, encrypted };
    },

    async read(storageKey, opts) {
      const raw = await readStreamToBuffer(await storage.get(storageKey));
      const plain = opts.encrypted ? decryptBuffer(raw, masterKey) : raw;
      if (opts.sha256 !== undefined) {
        const actual = sha256Hex(plain);
        if (actual !== opts.sha256.toLowerCase()) throw new IntegrityError(storageKey, opts.sha256, actual);
      }
      return plain;
    },

    delete(storageKey) {
      return storage.delete(storageKey);
    },

    exists(storageKey) {
      return storage.exists(storageKey);
    },
  };
}
