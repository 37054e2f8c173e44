/**
 * Minimal MIME parser used by the test SMTP server (test-smtp.ts).
 *
 * It is deliberately small and NOT meant for untrusted production input: it handles
 * exactly what nodemailer produces — folded headers, RFC 2047 encoded words (B/Q),
 * multipart/* bodies (nested), quoted-printable / base64 / 7bit / 8bit transfer
 * encodings and UTF-8 (or any charset Node's TextDecoder knows).
 */

export interface ParsedPart {
  /** Lower-cased header name -> decoded value (first occurrence wins). */
  headers: Record<string, string>;
  contentType: string;
  params: Record<string, string>;
  /** Decoded body for non-multipart parts. */
  body?: string;
  parts: ParsedPart[];
}

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  from: string;
  to: string[];
  text?: string;
  html?: string;
  root: ParsedPart;
}

const CRLF_SPLIT = /\r?\n/;

function splitHeadBody(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { head: raw, body: '' };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Decodes a quoted-printable string into raw bytes. */
export function decodeQuotedPrintable(input: string): Buffer {
  const withoutSoftBreaks = input.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < withoutSoftBreaks.length; i++) {
    const ch = withoutSoftBreaks[i] ?? '';
    const hex = withoutSoftBreaks.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Non-ASCII should not appear in QP, but keep it lossless if it does.
      for (const b of Buffer.from(ch, 'utf8')) out.push(b);
    }
  }
  return Buffer.from(out);
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?...?=) inside a header value. */
export function decodeEncodedWords(value: string): string {
  // Whitespace between two adjacent encoded words is not significant.
  const joined = value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1');
  // Adjacent words may split a multi-byte character, so decode runs of bytes per charset.
  return joined.replace(/(?:=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=)+/g, (run) => {
    const words = [...run.matchAll(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g)];
    const chunks: Buffer[] = [];
    let charset = 'utf-8';
    for (const [, cs = 'utf-8', enc = 'Q', text = ''] of words) {
      charset = cs;
      if (enc.toUpperCase() === 'B') chunks.push(Buffer.from(text, 'base64'));
      else chunks.push(decodeQuotedPrintable(text.replace(/_/g, ' ')));
    }
    return decodeBytes(Buffer.concat(chunks), charset);
  });
}

/** Parses a header block into a map (lower-cased names, unfolded, decoded values). */
export function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const lines: string[] = [];
  for (const line of head.split(CRLF_SPLIT)) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += ' ' + line.trim();
    else if (line.length > 0) lines.push(line);
  }
  for (const line of lines) {
    const idx = line.indexOf(':');
    if (idx <= 0) continue;
    const name = line.slice(0, idx).trim().toLowerCase();
    if (Object.prototype.hasOwnProperty.call(headers, name)) continue;
    // Raw (8bit) header bytes are UTF-8; encoded words are plain ASCII.
    const value = decodeBytes(Buffer.from(line.slice(idx + 1).trim(), 'latin1'), 'utf-8');
    headers[name] = decodeEncodedWords(value);
  }
  return headers;
}

/** Splits `type/subtype; a=b; c="d"` into the type and its parameters. */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [typePart, ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let val = p.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1);
    params[key] = val;
  }
  return { type: (typePart ?? '').trim().toLowerCase(), params };
}

function decodeBody(body: string, transferEncoding: string | undefined, charset: string | undefined): string {
  const enc = (transferEncoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  if (enc === 'quoted-printable') return decodeBytes(decodeQuotedPrintable(body), charset);
  // 7bit/8bit: the raw message was read as latin1 so that each byte maps to one char.
  return decodeBytes(Buffer.from(body, 'latin1'), charset);
}

function parsePart(raw: string, depth: number): ParsedPart {
  const { head, body } = splitHeadBody(raw);
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers['content-type']);
  const part: ParsedPart = { headers, contentType: type, params, parts: [] };
  if (type.startsWith('multipart/') && params.boundary && depth < 10) {
    const delimiter = '--' + params.boundary;
    const segments = body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
    // segments[0] is the preamble; the last one starts with "--" (closing delimiter).
    for (const seg of segments.slice(1)) {
      if (seg.startsWith('--')) break;
      part.parts.push(parsePart(seg.replace(/^[ \t]*\r?\n/, ''), depth + 1));
    }
  } else {
    part.body = decodeBody(body, headers['content-transfer-encoding'], params.charset);
  }
  return part;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findBody(part: ParsedPart, type: string): string | undefined {
  const disposition = (part.headers['content-disposition'] ?? '').toLowerCase();
  if (part.contentType === type && part.body !== undefined && !disposition.startsWith('attachment')) return part.body;
  for (const child of part.parts) {
    const found = findBody(child, type);
    if (found !== undefined) return found;
  }
  return undefined;
}

function splitAddresses(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => /<([^>]+)>/.exec(s)?.[1] ?? s);
}

/**
 * Parses a raw RFC 5322 message (bytes, or a string that is encoded as UTF-8 first).
 * Internally the message is handled as a latin1 string so each char is one byte.
 */
export function parseMail(raw: Buffer | string): ParsedMail {
  const text = (typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString('latin1');
  const root = parsePart(text, 0);
  return {
    headers: root.headers,
    subject: root.headers['subject'] ?? '',
    from: splitAddresses(root.headers['from'])[0] ?? '',
    to: splitAddresses(root.headers['to']),
    text: findBody(root, 'text/plain'),
    html: findBody(root, 'text/html'),
    root,
  };
}
