import { randomBytes } from 'node:crypto';

/** S/MIME signs the canonical form: CRLF line ends. */
export function canonicalMime(content: string): string {
  const c = content.replace(/\r?\n/g, '\r\n');
  // a MIME entity needs headers; plain text gets a Content-Type header
  return /^[A-Za-z-]+:/.test(c) ? c : `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${c}`;
}

/** multipart/signed (RFC 8551) with a detached CMS signature, as `openssl smime -verify` and mail clients read it. */
export function buildSmimeMessage(canonicalContent: string, cmsDer: Uint8Array): string {
  const boundary = `----PERSADA-${randomBytes(12).toString('hex')}`;
  const sig = Buffer.from(cmsDer).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return [
    'MIME-Version: 1.0',
    `Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg="sha-256"; boundary="${boundary}"`,
    '',
    'This is an S/MIME signed message',
    '',
    `--${boundary}`,
    canonicalContent,
    `--${boundary}`,
    'Content-Type: application/pkcs7-signature; name="smime.p7s"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="smime.p7s"',
    '',
    sig,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
