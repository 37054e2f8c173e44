/**
 * Upload inspection: size limit + content sniffing.
 *
 * The type is decided from the CONTENT with `file-type` (magic numbers / container
 * structure), never from the file name or the client's Content-Type. A `.exe` renamed to
 * `.pdf` is detected as `exe` and rejected.
 *
 * Plain-text formats have no magic number, so `file-type` cannot detect them. They are
 * accepted only when ALL of these hold:
 *  - file-type detects nothing,
 *  - the declared extension (from `filename`) is a known text type AND in the allow list,
 *  - the bytes are valid UTF-8 and contain no NUL byte.
 *
 * Default allow list (DEFAULT_ALLOWED_TYPES), chosen for government documents:
 *   pdf, png, jpg (jpeg), docx, xlsx, pptx, odt, ods, odp, txt, csv
 * Deliberately NOT allowed by default:
 *  - zip: an archive can carry anything (executables, macro documents) and is not
 *    inspected recursively. OOXML/ODF documents are zip containers too, but file-type
 *    recognises them as docx/xlsx/pptx/odt/ods/odp from their contents, so they do not
 *    need "zip" in the list. Pass `allowed: [...DEFAULT_ALLOWED_TYPES, 'zip']` if needed.
 *  - macro-enabled Office files (docm/xlsm/pptm — file-type reports them separately),
 *    legacy binary Office files (.doc/.xls are reported as "cfb"), html/svg/xml (active
 *    content), json/yaml (configuration, opt-in per use case).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { MessageKey } from '@persada/shared';

/** 25 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const DEFAULT_ALLOWED_TYPES: readonly string[] = Object.freeze([
  'pdf',
  'png',
  'jpg',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'txt',
  'csv',
]);

/** Text types accepted by declared extension (after the UTF-8 / NUL check). */
export const TEXT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  yaml: 'application/yaml',
});

const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  jpeg: 'jpg',
  jpe: 'jpg',
  yml: 'yaml',
  text: 'txt',
});

export function normaliseExt(ext: string): string {
  const e = ext.trim().toLowerCase().replace(/^\./, '');
  return ALIASES[e] ?? e;
}

export type UploadRejectionKey = Extract<MessageKey, 'file.too_large' | 'file.type_not_allowed'>;

/** Thrown when an upload is refused. `key` is a message key of packages/shared messages.ts. */
export class UploadRejected extends Error {
  readonly key: UploadRejectionKey;
  /** Suggested HTTP status: 413 (too large) or 415 (type not allowed). */
  readonly statusCode: 413 | 415;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(key: UploadRejectionKey, details: Record<string, unknown> = {}) {
    super(key);
    this.name = 'UploadRejected';
    this.key = key;
    this.statusCode = key === 'file.too_large' ? 413 : 415;
    this.details = Object.freeze({ ...details });
  }
}

export interface InspectOptions {
  /** Maximum size in bytes (default 25 MiB). */
  maxBytes?: number;
  /** Allowed extensions (canonical file-type names, aliases like "jpeg" accepted). */
  allowed?: readonly string[];
  /** Client-supplied file name; only its extension is used, and only for text types. */
  filename?: string;
}

export interface InspectedUpload {
  mime: string;
  ext: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** True when the bytes are valid UTF-8 and contain no NUL byte. */
export function isCleanUtf8Text(buf: Uint8Array): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

export async function inspectUpload(buffer: Buffer, options: InspectOptions = {}): Promise<InspectedUpload> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const allowed = new Set((options.allowed ?? DEFAULT_ALLOWED_TYPES).map(normaliseExt));
  const size = buffer.length;

  if (size > maxBytes) throw new UploadRejected('file.too_large', { size, maxBytes });
  if (size === 0) throw new UploadRejected('file.type_not_allowed', { size, reason: 'empty' });

  const declaredExt = options.filename ? normaliseExt(path.extname(options.filename)) : undefined;
  const detected = await fileTypeFromBuffer(buffer);

  if (detected) {
    const ext = normaliseExt(detected.ext);
    if (!allowed.has(ext)) {
      throw new UploadRejected('file.type_not_allowed', { detected: detected.ext, mime: detected.mime, declaredExt });
    }
    return { mime: detected.mime, ext, size, sha256: sha256Hex(buffer) };
  }

  // Nothing detected: only plain text with an allowed, declared text extension passes.
  if (!declaredExt || !(declaredExt in TEXT_TYPES) || !allowed.has(declaredExt)) {
    throw new UploadRejected('file.type_not_allowed', { detected: null, declaredExt });
  }
  if (!isCleanUtf8Text(buffer)) {
    throw new UploadRejected('file.type_not_allowed', { detected: null, declaredExt, reason: 'not_utf8_text' });
  }
  return { mime: TEXT_TYPES[declaredExt] ?? 'text/plain', ext: declaredExt, size, sha256: sha256Hex(buffer) };
}
