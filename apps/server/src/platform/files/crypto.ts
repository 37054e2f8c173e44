/**
 * Encryption at rest for classified files: envelope encryption with AES-256-GCM.
 *
 * Each file gets a fresh random 256-bit data key (DEK) and a random 96-bit IV. The DEK
 * is wrapped (AES-256-GCM, its own random IV) with the 32-byte master key (KEK).
 *
 * On-disk format, version 1 (all fields fixed size, header = 104 bytes):
 *
 *   offset size  field
 *   0      7     magic "PSDENC1" (ASCII)
 *   7      1     version = 1
 *   8      8     master key id = first 8 bytes of SHA-256(master key)
 *   16     12    wrap IV
 *   28     16    wrap GCM tag
 *   44     32    wrapped data key
 *   76     12    data IV
 *   88     16    data GCM tag
 *   104    ...   ciphertext (same length as the plaintext)
 *
 * Authenticated data: the key wrap authenticates bytes 0..16 (magic, version, key id);
 * the data encryption authenticates bytes 0..88 (everything before the data tag), so any
 * change to the header or ciphertext makes decryption throw.
 *
 * Streaming is not implemented: files are handled as Buffers (bounded by the upload
 * limit, 25 MiB by default), which also guarantees no unauthenticated plaintext is ever
 * released before the GCM tag is verified.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

export const ENC_MAGIC = Buffer.from('PSDENC1', 'ascii');
export const ENC_VERSION = 1;
const KEY_ID_LEN = 8;
const IV_LEN = 12;
const TAG_LEN = 16;
const KEY_LEN = 32;
const OFF_KEY_ID = ENC_MAGIC.length + 1; // 8
const OFF_WRAP_IV = OFF_KEY_ID + KEY_ID_LEN; // 16
const OFF_WRAP_TAG = OFF_WRAP_IV + IV_LEN; // 28
const OFF_WRAPPED = OFF_WRAP_TAG + TAG_LEN; // 44
const OFF_IV = OFF_WRAPPED + KEY_LEN; // 76
const OFF_TAG = OFF_IV + IV_LEN; // 88
export const ENC_HEADER_LEN = OFF_TAG + TAG_LEN; // 104

/** Thrown when an encrypted blob is malformed, tampered with, or the key is wrong. */
export class DecryptionError extends Error {
  readonly key = 'file.decrypt_failed' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecryptionError';
  }
}

function assertMasterKey(masterKey: Buffer): void {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_LEN) {
    throw new TypeError('file encryption: master key must be exactly 32 bytes');
  }
}

/** Short, non-secret identifier of a master key (for rotation / clear error messages). */
export function masterKeyId(masterKey: Buffer): Buffer {
  assertMasterKey(masterKey);
  return createHash('sha256').update(masterKey).digest().subarray(0, KEY_ID_LEN);
}

/** True when the data starts with the PSDENC1 magic. */
export function isEncryptedBlob(data: Buffer): boolean {
  return data.length >= ENC_MAGIC.length && data.subarray(0, ENC_MAGIC.length).equals(ENC_MAGIC);
}

export function encryptBuffer(plain: Buffer, masterKey: Buffer): Buffer {
  assertMasterKey(masterKey);
  const dataKey = randomBytes(KEY_LEN);
  try {
    const header = Buffer.alloc(ENC_HEADER_LEN);
    ENC_MAGIC.copy(header, 0);
    header.writeUInt8(ENC_VERSION, ENC_MAGIC.length);
    masterKeyId(masterKey).copy(header, OFF_KEY_ID);

    // Wrap the data key with the master key.
    const wrapIv = randomBytes(IV_LEN);
    const wrap = createCipheriv('aes-256-gcm', masterKey, wrapIv);
    wrap.setAAD(header.subarray(0, OFF_WRAP_IV));
    const wrapped = Buffer.concat([wrap.update(dataKey), wrap.final()]);
    wrapIv.copy(header, OFF_WRAP_IV);
    wrap.getAuthTag().copy(header, OFF_WRAP_TAG);
    wrapped.copy(header, OFF_WRAPPED);

    // Encrypt the content with the data key.
    const iv = randomBytes(IV_LEN);
    iv.copy(header, OFF_IV);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(header.subarray(0, OFF_TAG));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    cipher.getAuthTag().copy(header, OFF_TAG);
    return Buffer.concat([header, body]);
  } finally {
    dataKey.fill(0);
  }
}

export function decryptBuffer(enc: Buffer, masterKey: Buffer): Buffer {
  assertMasterKey(masterKey);
  if (enc.length < ENC_HEADER_LEN || !isEncryptedBlob(enc)) {
    throw new DecryptionError('not a Persada encrypted file (bad magic or too short)');
  }
  const version = enc.readUInt8(ENC_MAGIC.length);
  if (version !== ENC_VERSION) throw new DecryptionError(`unsupported encrypted file version ${version}`);
  const keyId = enc.subarray(OFF_KEY_ID, OFF_WRAP_IV);
  if (!timingSafeEqual(keyId, masterKeyId(masterKey))) {
    throw new DecryptionError('file was encrypted with a different master key');
  }

  let dataKey: Buffer;
  try {
    const unwrap = createDecipheriv('aes-256-gcm', masterKey, enc.subarray(OFF_WRAP_IV, OFF_WRAP_TAG));
    unwrap.setAAD(enc.subarray(0, OFF_WRAP_IV));
    unwrap.setAuthTag(enc.subarray(OFF_WRAP_TAG, OFF_WRAPPED));
    dataKey = Buffer.concat([unwrap.update(enc.subarray(OFF_WRAPPED, OFF_IV)), unwrap.final()]);
  } catch (cause) {
    throw new DecryptionError('data key unwrap failed (tampered header or wrong key)', { cause });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, enc.subarray(OFF_IV, OFF_TAG));
    decipher.setAAD(enc.subarray(0, OFF_TAG));
    decipher.setAuthTag(enc.subarray(OFF_TAG, ENC_HEADER_LEN));
    return Buffer.concat([decipher.update(enc.subarray(ENC_HEADER_LEN)), decipher.final()]);
  } catch (cause) {
    throw new DecryptionError('content authentication failed (tampered ciphertext)', { cause });
  } finally {
    dataKey.fill(0);
  }
}

/** Parses a base64 (standard or url-safe) 32-byte key; throws on anything else. */
export function parseMasterKey(value: string, source = 'FILE_ENCRYPTION_KEY'): Buffer {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new TypeError(`${source} must be base64`);
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_LEN) {
    throw new TypeError(`${source} must decode to exactly 32 bytes (got ${key.length}); create one with: openssl rand -base64 32`);
  }
  return key;
}

export const MASTER_KEY_RELATIVE_PATH = path.join('keys', 'file-master.key');

/**
 * Returns the 32-byte master key:
 *  1. from `envValue` (base64, normally process.env.FILE_ENCRYPTION_KEY) when set;
 *  2. otherwise from `<dataDir>/keys/file-master.key` (base64 text), creating it with a
 *     fresh random key (directory 0700, file 0600) on first use. A key file readable by
 *     group/others is tightened to 0600.
 * Losing this key makes every encrypted file unreadable — back it up with the data.
 */
export async function loadOrCreateMasterKey(dataDir: string, envValue?: string): Promise<Buffer> {
  if (envValue !== undefined && envValue.trim() !== '') return parseMasterKey(envValue);

  const keyPath = path.join(dataDir, MASTER_KEY_RELATIVE_PATH);
  await fs.mkdir(path.dirname(keyPath), { recursive: true, mode: 0o700 });
  try {
    return await readKeyFile(keyPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  // Write to a private temp file, then hard-link it into place: link() is atomic and
  // fails with EEXIST if another process won the race, in which case we use its key.
  const key = randomBytes(KEY_LEN);
  const tmp = `${keyPath}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(tmp, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx', flush: true });
    await fs.link(tmp, keyPath);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(keyPath);
    throw err;
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

async function readKeyFile(keyPath: string): Promise<Buffer> {
  const fh = await fs.open(keyPath, fsConstants.O_RDONLY);
  try {
    const stat = await fh.stat();
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fh.chmod(0o600);
    return parseMasterKey((await fh.readFile('utf8')).trim(), keyPath);
  } finally {
    await fh.close();
  }
}
