/**
 * Signing benchmark: PAdES preparation + assembly (the two server steps around the browser's
 * signature) for a ~1 MB PDF, beside `openssl cms -sign` over the same bytes.
 * Run: npx tsx bench/signing.ts  (or import runSigningBench()).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDF, StandardFonts } from '@libpdf/core';
import { PdfSigningService } from '../apps/server/src/modules/signing/pdf-signing.js';
import { ThrowawayCa } from '../apps/server/src/modules/signing/testing/throwaway-ca.js';
import { pemToDer } from '../apps/server/src/modules/signing/cms.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function onePdf(targetBytes: number): Promise<Uint8Array> {
  const pdf = PDF.create();
  let bytes = await pdf.save();
  let page = 0;
  while (bytes.length < targetBytes) {
    for (let k = 0; k < 20; k++) {
      const p = pdf.addPage();
      page++;
      for (let line = 0; line < 60; line++) p.drawText(`Halaman ${page} baris ${line}: Laporan penyelenggaraan persandian Kota Contoh ${'.'.repeat(40)}`, { x: 40, y: 800 - line * 12, font: StandardFonts.Helvetica, size: 8 });
    }
    bytes = await pdf.save();
  }
  return bytes;
}

export async function runSigningBench(runs = 15) {
  const ca = await ThrowawayCa.create();
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const holder = await ca.issueSigning(keys.publicKey, 'Bench', 'bench@contoh.go.id');
  const chain = await ca.chain();
  const chainDer = [pemToDer(chain.issuingPem), pemToDer(chain.rootPem)];
  const svc = new PdfSigningService();
  const pdf = await onePdf(1024 * 1024);
  const prep: number[] = [];
  const assemble: number[] = [];
  const total: number[] = [];
  const caTimes: number[] = [];
  // the bench CA's own work (TSA, OCSP, CRL) timed separately: in production it is the pki module's
  let caMs = 0;
  let active = 0;
  let since = 0n;
  // wall time while at least one CA call runs (OCSP and CRL are fetched concurrently)
  const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A) => {
    if (active++ === 0) since = process.hrtime.bigint();
    try {
      return await f(...a);
    } finally {
      if (--active === 0) caMs += ms(since);
    }
  };
  const trust = { chain: () => ca.chain(), timestamp: timed((q: Uint8Array) => ca.timestamp(q)), ocsp: timed((q: Uint8Array) => ca.ocsp(q)), crl: timed(() => ca.crl()) };
  let lastSigned: Uint8Array = pdf;
  for (let i = 0; i < runs + 2; i++) {
    const params = { certDer: holder.der, chainDer, fieldName: `TTE_${i}`, signingTime: new Date() };
    const t0 = process.hrtime.bigint();
    const p = await svc.prepare(pdf, params);
    const t1 = ms(t0);
    const sig = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, p.toBeSigned));
    caMs = 0;
    const t2 = process.hrtime.bigint();
    lastSigned = await svc.complete(pdf, { ...params, signature: sig, expectedDigestHex: p.digestHex }, trust);
    const t3 = ms(t2);
    if (i >= 2) {
      prep.push(t1);
      assemble.push(t3);
      total.push(t1 + t3);
      caTimes.push(caMs);
    }
  }
  // OpenSSL over the same bytes (the ByteRange content of the last signed file)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sign-'));
  const s = Buffer.from(lastSigned).toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(s)!;
  const [a, b, c, d] = m.slice(1).map(Number);
  fs.writeFileSync(path.join(dir, 'content.bin'), Buffer.concat([Buffer.from(lastSigned.subarray(a, a + b)), Buffer.from(lastSigned.subarray(c, c + d))]));
  fs.writeFileSync(path.join(dir, 'ee.pem'), holder.pem);
  fs.writeFileSync(path.join(dir, 'chain.pem'), `${chain.issuingPem.trim()}\n${chain.rootPem.trim()}\n`);
  const pk = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  fs.writeFileSync(path.join(dir, 'ee.key'), `-----BEGIN PRIVATE KEY-----\n${pk}\n-----END PRIVATE KEY-----\n`);
  const ossl: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync('openssl', ['cms', '-sign', '-binary', '-nosmimecap', '-md', 'sha256', '-outform', 'DER', '-in', path.join(dir, 'content.bin'), '-signer', path.join(dir, 'ee.pem'), '-inkey', path.join(dir, 'ee.key'), '-certfile', path.join(dir, 'chain.pem'), '-out', path.join(dir, 'sig.der')]);
    ossl.push(ms(t0));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    pdfBytes: pdf.length,
    runs,
    prepareMedianMs: +median(prep).toFixed(1),
    assembleMedianMs: +median(assemble).toFixed(1),
    totalMedianMs: +median(total).toFixed(1),
    caCallbacksMedianMs: +median(caTimes).toFixed(1),
    /** Assembly without the CA's own work: the PDF and CMS bytes this module writes. */
    assembleOwnMedianMs: +median(assemble.map((a, i) => a - caTimes[i])).toFixed(1),
    opensslCmsSignMedianMs: +median(ossl).toFixed(1),
    ratioToOpenssl: +(median(total) / median(ossl)).toFixed(2),
    note: 'assembly includes an in-process RFC 3161 timestamp and OCSP/CRL for the DSS (B-LT); OpenSSL makes a plain B-B CMS and its time includes process start',
  };
  return result;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  runSigningBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
