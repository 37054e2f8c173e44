import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { TINY_PDF } from '../../platform/files/test-fixtures.js';
import type { TestApp } from '../../../test/harness.js';

x509.cryptoProvider.set(webcrypto as any);

/** A multipart body with one PDF part. */
export function multipartPdf(name: string, cookie: string, data = TINY_PDF) {
  const boundary = `----persada${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie,
    },
  };
}

export async function upload(t: TestApp, cookie: string, name = 'dokumen.pdf'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/certificates/uploads',
    ...multipartPdf(name, cookie),
  });
  if (res.statusCode !== 200) throw new Error(`upload ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A P-256 key pair made with WebCrypto, as the browser does; returns base64 SPKI and a CSR builder. */
export async function browserKey() {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey)).toString('base64');
  const csr = async (name: string) =>
    (
      await x509.Pkcs10CertificateRequestGenerator.create({
        name,
        keys,
        signingAlgorithm: alg,
      })
    ).toString('pem');
  return { spki, csr };
}

/** A certificate made by OpenSSL, standing in for an RA certificate issued by the provider (BSrE). */
export function providerCertificatePem(cn: string, days = 365): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-ra-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-out',
        path.join(dir, 'c.pem'),
        '-days',
        String(days),
        '-subj',
        `/CN=${cn}/O=Balai Sertifikasi Elektronik`,
      ],
      { stdio: 'pipe' },
    );
    return fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An already expired self-signed certificate (OpenSSL 3.0 `req` cannot back-date). */
export async function expiredCertificatePem(cn: string): Promise<string> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a1b2c',
    name: `CN=${cn}`,
    notBefore: new Date(Date.now() - 400 * 86_400_000),
    notAfter: new Date(Date.now() - 86_400_000),
    keys,
    signingAlgorithm: alg,
  });
  return cert.toString('pem');
}

/** `openssl x509 -noout -subject` of a PEM certificate. */
export function opensslSubject(pem: string): string {
  return execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem }).toString().trim();
}
