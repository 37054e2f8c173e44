import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The browser code itself (apps/web), run on Node's WebCrypto: the same API and algorithms.
import { decryptEnvelope, encryptForRecipients, setCryptoEngine } from '../../../../web/src/features/signing/lib/cms-envelope.js';
import { buildP12, readP12 } from '../../../../web/src/features/signing/lib/p12.js';
import { ThrowawayCa } from './testing/throwaway-ca.js';
import { run, tmpDir } from './testing/fixtures.js';

let ca: ThrowawayCa;
const dir = tmpDir('env-');
const pem = (label: string, der: ArrayBuffer | Uint8Array) => `-----BEGIN ${label}-----\n${Buffer.from(der as ArrayBuffer).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

async function holder(kind: 'RSA' | 'EC', name: string) {
  const alg = kind === 'RSA' ? { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDH', namedCurve: 'P-256' };
  // extractable only so that OpenSSL can use the same key in this test; the browser keeps it non-extractable
  const keys = (await webcrypto.subtle.generateKey(alg, true, kind === 'RSA' ? ['encrypt', 'decrypt'] : ['deriveBits'])) as CryptoKeyPair;
  const issued = await ca.issueEncryption(keys.publicKey, name, `${name.toLowerCase()}@uji.go.id`);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  fs.writeFileSync(path.join(dir, `${name}.crt`), issued.pem);
  fs.writeFileSync(path.join(dir, `${name}.key`), pem('PRIVATE KEY', pkcs8));
  return { ...issued, keys, pkcs8 };
}

beforeAll(async () => {
  setCryptoEngine(webcrypto as unknown as Crypto);
  ca = await ThrowawayCa.create();
});

describe('document protection (CMS EnvelopedData)', () => {
  it('[K4] encrypts a document to RSA-OAEP and ECDH holders; each decrypts in the browser and with openssl cms', async () => {
    const rsa = await holder('RSA', 'Rina');
    const ec = await holder('EC', 'Eko');
    const doc = new TextEncoder().encode('RAHASIA: daftar alamat IP server pusat data Pemda.\n'.repeat(50));
    const p7m = await encryptForRecipients([rsa.der, ec.der], doc);
    fs.writeFileSync(path.join(dir, 'doc.p7m'), p7m);
    for (const h of ['Rina', 'Eko']) {
      const out = path.join(dir, `${h}.out`);
      const r = run('openssl', ['cms', '-decrypt', '-inform', 'DER', '-in', path.join(dir, 'doc.p7m'), '-recip', path.join(dir, `${h}.crt`), '-inkey', path.join(dir, `${h}.key`), '-binary', '-out', out]);
      expect(r.code, r.out).toBe(0);
      expect(fs.readFileSync(out).equals(Buffer.from(doc))).toBe(true);
    }
    // browser side with non-extractable copies of the keys
    const rsaKey = await webcrypto.subtle.importKey('pkcs8', rsa.pkcs8, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
    const ecKey = await webcrypto.subtle.importKey('pkcs8', ec.pkcs8, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    expect(Buffer.from(await decryptEnvelope(p7m, rsa.der, rsaKey as CryptoKey)).equals(Buffer.from(doc))).toBe(true);
    expect(Buffer.from(await decryptEnvelope(p7m, ec.der, ecKey as CryptoKey)).equals(Buffer.from(doc))).toBe(true);
  });

  it('[K4] decrypts in the browser what OpenSSL encrypted (RSA-OAEP, and ECDH with the OpenSSL SHA-1 KDF that pkijs itself cannot read)', async () => {
    const rsa = await holder('RSA', 'Rudi');
    const ec = await holder('EC', 'Edi');
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'Surat rahasia dari OpenSSL');
    const enc = (recip: string, extra: string[], out: string) =>
      run('openssl', ['cms', '-encrypt', '-binary', '-aes-256-cbc', '-in', path.join(dir, 'plain.txt'), '-outform', 'DER', '-out', path.join(dir, out), '-recip', path.join(dir, recip), ...extra]);
    expect(enc('Rudi.crt', ['-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256'], 'rsa.p7m').code).toBe(0);
    expect(enc('Edi.crt', [], 'ec.p7m').code).toBe(0);
    const rsaKey = await webcrypto.subtle.importKey('pkcs8', rsa.pkcs8, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
    const ecKey = await webcrypto.subtle.importKey('pkcs8', ec.pkcs8, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const a = await decryptEnvelope(new Uint8Array(fs.readFileSync(path.join(dir, 'rsa.p7m'))), rsa.der, rsaKey as CryptoKey);
    expect(new TextDecoder().decode(a)).toBe('Surat rahasia dari OpenSSL');
    const b = await decryptEnvelope(new Uint8Array(fs.readFileSync(path.join(dir, 'ec.p7m'))), ec.der, ecKey as CryptoKey);
    expect(new TextDecoder().decode(b)).toBe('Surat rahasia dari OpenSSL');
  });

  it('[K4] a browser-style PKCS#12 backup opens with openssl pkcs12 and refuses a wrong password', async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const issued = await ca.issueSigning(keys.publicKey, 'Budi', 'budi@uji.go.id');
    const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
    const p12 = await buildP12({ pkcs8, certDer: issued.der, chainDer: [new Uint8Array(ca.issuing.rawData)], password: 'Sandi-Cadangan#2026', friendlyName: 'Budi' });
    const f = path.join(dir, 'budi.p12');
    fs.writeFileSync(f, p12);
    const ok = run('openssl', ['pkcs12', '-info', '-in', f, '-passin', 'pass:Sandi-Cadangan#2026', '-noout']);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/PBES2.*PBKDF2.*AES-256-CBC/s);
    expect(ok.out).toContain('MAC: sha256');
    const bad = run('openssl', ['pkcs12', '-info', '-in', f, '-passin', 'pass:salah', '-noout']);
    expect(bad.code).not.toBe(0);
    // and the browser imports it back (then keeps a non-extractable copy)
    const back = await readP12(p12, 'Sandi-Cadangan#2026');
    expect(Buffer.from(back.certDer).equals(Buffer.from(issued.der))).toBe(true);
    const key = await webcrypto.subtle.importKey('pkcs8', back.pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array([1, 2, 3]));
    expect(await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, sig, new Uint8Array([1, 2, 3]))).toBe(true);
    await expect(readP12(p12, 'salah')).rejects.toThrow();
  });

  it('[K4] imports a PKCS#12 exported by OpenSSL (as a CA such as BSrE hands out) into the browser', async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const issued = await ca.issueSigning(keys.publicKey, 'Sari', 'sari@uji.go.id');
    fs.writeFileSync(path.join(dir, 'sari.crt'), issued.pem);
    fs.writeFileSync(path.join(dir, 'sari.key'), pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)));
    const out = path.join(dir, 'sari.p12');
    const r = run('openssl', ['pkcs12', '-export', '-in', path.join(dir, 'sari.crt'), '-inkey', path.join(dir, 'sari.key'), '-out', out, '-passout', 'pass:Rahasia#1']);
    expect(r.code, r.out).toBe(0);
    const back = await readP12(new Uint8Array(fs.readFileSync(out)), 'Rahasia#1');
    expect(Buffer.from(back.certDer).equals(Buffer.from(issued.der))).toBe(true);
  });
});
