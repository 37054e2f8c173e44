import { webcrypto } from 'node:crypto';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDF, StandardFonts } from '@libpdf/core';
import { pemToDer } from '../cms.js';
import type { ThrowawayCa } from './throwaway-ca.js';
import type { PkiService } from '../../pki/index.js';

/** A small official-looking PDF (a Nota Dinas). */
export async function makePdf(pages = 1, filler = 0): Promise<Uint8Array> {
  const pdf = PDF.create();
  for (let i = 0; i < pages; i++) {
    const p = pdf.addPage();
    p.drawText('PEMERINTAH KOTA UJI', { x: 200, y: 780, font: StandardFonts.HelveticaBold, size: 14 });
    p.drawText('NOTA DINAS Nomor: 800/123/Diskominfo/2026', { x: 72, y: 720, font: StandardFonts.Helvetica, size: 11 });
    p.drawText(`Halaman ${i + 1}: Penetapan pengelola sertifikat elektronik.`, { x: 72, y: 690, font: StandardFonts.Helvetica, size: 11 });
    for (let k = 0; k < filler; k++) p.drawText(`Baris isian ${k} ${'x'.repeat(60)}`, { x: 72, y: 100 + (k % 500), font: StandardFonts.Helvetica, size: 4 });
  }
  return pdf.save();
}

/** A browser-style holder: non-extractable WebCrypto key + certificate from the CA. */
export async function makeHolder(ca: ThrowawayCa, name: string, email: string, alg: 'EC' | 'RSA' = 'EC') {
  const params =
    alg === 'EC'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(params, false, ['sign', 'verify'])) as CryptoKeyPair;
  const issued = await ca.issueSigning(keys.publicKey, name, email);
  const signAlg = alg === 'EC' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  return {
    ...issued,
    keys,
    /** What the browser does: WebCrypto sign over the DER the server sent. */
    sign: async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.sign(signAlg, keys.privateKey, data)),
  };
}

export async function chainDer(ca: ThrowawayCa) {
  const c = await ca.chain();
  return [pemToDer(c.issuingPem), pemToDer(c.rootPem)];
}

export function tmpDir(prefix = 'sign-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An NSS database trusting the CA root, for pdfsig. */
export function nssDbTrusting(rootPem: string): string {
  const dir = tmpDir('nss-');
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  fs.writeFileSync(path.join(dir, 'root.pem'), rootPem);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', path.join(dir, 'root.pem')]);
  return dir;
}

export function run(cmd: string, args: string[], input?: string | Buffer): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** A holder whose certificate comes from the real tenant CA of the pki module (signing profile). */
export async function makePkiHolder(pki: PkiService, tenantId: string, name: string, email: string, alg: 'EC' | 'RSA' = 'EC') {
  const params =
    alg === 'EC'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(params, false, ['sign', 'verify'])) as CryptoKeyPair;
  const spkiDer = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
  const issued = await pki.issue(tenantId, { profile: 'signing', subject: { commonName: name, email }, sans: { email: [email] }, spkiDer });
  const signAlg = alg === 'EC' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  return {
    pem: issued.certPem,
    der: issued.certDer,
    serialHex: issued.serialHex,
    keys,
    sign: async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.sign(signAlg, keys.privateKey, data)),
  };
}

/** Like run() but without blocking the event loop (the server under test must answer OCSP meanwhile). */
export function runAsync(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }));
  });
}
