import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { messages } from '@persada/shared';
import { makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { AppError } from '../../platform/http/errors.js';
import type { PkiService } from './index.js';
import { ecKey, rsaKey, scratch } from './openssl.test-util.js';

let t: TestApp;
let pki: PkiService;
let base: string;
let tenantA: { id: string; slug: string };
let tenantB: { id: string; slug: string };
const s = scratch();

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  pki = t.services.modules.get('pki')!.service as PkiService;
  tenantA = (await makeTenant(t)).tenant;
  tenantB = (await makeTenant(t)).tenant;
  const chain = await pki.chain(tenantA.id);
  s.file('root.pem', chain.rootPem);
  s.file('issuing.pem', chain.issuingPem);
  s.file('chain.pem', chain.issuingPem + chain.rootPem);
}, 60_000);
afterAll(async () => {
  await t?.stop();
  s.cleanup();
});

const subject = (cn: string) => ({ commonName: cn, email: `${cn.toLowerCase().replace(/\W+/g, '.')}@kota-uji.go.id`, organization: 'Pemerintah Kota Uji', organizationalUnit: 'Dinas Komunikasi dan Informatika', title: 'Pranata Komputer', serialNumber: '199003032015031001' });

describe('embedded CA core', () => {
  it('[K14] creates a per-Pemda root and issuing CA on first use that OpenSSL accepts', () => {
    const r = s.openssl('verify', '-CAfile', 'root.pem', 'issuing.pem');
    expect(r.out).toContain('issuing.pem: OK');
    const text = s.openssl('x509', '-in', 'issuing.pem', '-noout', '-text').out;
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
    expect(text).toContain('Persada Issuing CA Kota Uji');
  });

  it('[K14] keeps each Pemda in its own CA hierarchy', async () => {
    const b = await pki.chain(tenantB.id);
    expect(b.rootPem).not.toEqual((await pki.chain(tenantA.id)).rootPem);
    expect(pki.urls(tenantA.id).ocsp).toBe(`http://127.0.0.1:${t.deps.env.PORT}/pki/${tenantA.slug}/ocsp`);
  });

  it('[K3][K4][K14] issues a signing certificate from a verified CSR, valid for S/MIME signing', async () => {
    const k = ecKey();
    s.file('sign.key', k.keyPem);
    s.openssl('req', '-new', '-key', 'sign.key', '-subj', '/CN=Budi Santoso', '-out', 'sign.csr');
    expect(s.openssl('req', '-in', 'sign.csr', '-noout', '-verify').out).toMatch(/verify OK|Certificate request self-signature verify OK/);
    const csr = await pki.parseCsr(s.file('sign.csr') && (await import('node:fs')).readFileSync(s.file('sign.csr'), 'utf8'));
    expect(csr.keyAlgorithm).toBe('EC P-256');
    const cert = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Budi Santoso'), spkiDer: csr.spkiDer, holderRef: { entity: 'person', id: 'p-1' } });
    expect(cert.serialHex).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(cert.chainPem).toHaveLength(2);
    s.file('sign.pem', cert.certPem);
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'smimesign', 'sign.pem').out).toContain('sign.pem: OK');
    const text = s.openssl('x509', '-in', 'sign.pem', '-noout', '-text').out;
    expect(text).toContain('Digital Signature, Non Repudiation');
    expect(text).toContain('E-mail Protection');
    expect(text).toMatch(/1\.3\.6\.1\.4\.1\.311\.10\.3\.12|Microsoft Encrypted File System|Document Signing/);
    expect(text).toContain('email:budi.santoso@kota-uji.go.id');
    expect(text).toContain(`URI:${pki.urls(tenantA.id).crl}`);
    expect(text).toContain(`OCSP - URI:${pki.urls(tenantA.id).ocsp}`);
    expect(text).toContain('serialNumber = 199003032015031001');
    // people read the NIP by its name, as OpenSSL prints it, not as a bare OID
    expect(cert.subjectDn).toContain('serialNumber=199003032015031001');
    expect((await pki.status(tenantA.id, cert.serialHex)).status).toBe('good');
  });

  it('[K3][K4] issues encryption (RSA 2048), TLS server and RA operator certificates per profile', async () => {
    const enc = await pki.issue(tenantA.id, { profile: 'encryption', subject: subject('Siti Aminah'), spkiDer: rsaKey().spkiDer });
    s.file('enc.pem', enc.certPem);
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'smimeencrypt', 'enc.pem').out).toContain('enc.pem: OK');
    expect(s.openssl('x509', '-in', 'enc.pem', '-noout', '-ext', 'keyUsage').out).toContain('Key Encipherment');

    const tls = await pki.issue(tenantA.id, { profile: 'tls_server', subject: { commonName: 'sipd.kota-uji.go.id', organization: 'Pemerintah Kota Uji' }, sans: { dns: ['sipd.kota-uji.go.id', 'www.sipd.kota-uji.go.id'], ip: ['10.10.1.5'] }, spkiDer: ecKey().spkiDer });
    s.file('tls.pem', tls.certPem);
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'sslserver', 'tls.pem').out).toContain('tls.pem: OK');
    expect(s.openssl('x509', '-in', 'tls.pem', '-noout', '-ext', 'subjectAltName').out).toMatch(/DNS:sipd\.kota-uji\.go\.id, DNS:www\.sipd\.kota-uji\.go\.id, IP Address:10\.10\.1\.5/);
    expect((tls.notAfter.getTime() - tls.notBefore.getTime()) / 86_400_000).toBeLessThan(398);

    const ra = await pki.issue(tenantA.id, { profile: 'ra_operator', subject: subject('Operator RA'), spkiDer: rsaKey(3072).spkiDer, validityDays: 365 });
    s.file('ra.pem', ra.certPem);
    for (const purpose of ['smimesign', 'sslclient']) {
      expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', purpose, 'ra.pem').out).toContain('ra.pem: OK');
    }
    // a TLS certificate is no signing certificate
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'smimesign', 'tls.pem').code).not.toBe(0);
  });

  it('[K14] rejects a CSR whose signature was tampered with, in Indonesian and English', async () => {
    const k = ecKey();
    s.file('bad.key', k.keyPem);
    s.openssl('req', '-new', '-key', 'bad.key', '-subj', '/CN=Penyusup', '-outform', 'DER', '-out', 'bad.der');
    const der = new Uint8Array((await import('node:fs')).readFileSync(s.file('bad.der')));
    der[der.length - 5] ^= 0xff; // inside the signature value
    s.file('bad-tampered.der', der);
    expect(s.openssl('req', '-inform', 'DER', '-in', 'bad-tampered.der', '-noout', '-verify').out).not.toMatch(/verify OK/);
    const err = await pki.parseCsr(der).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.key).toBe('pki.csr_signature');
    expect(messages['pki.csr_signature'].id).toContain('Tanda tangan pada CSR tidak valid');
    expect(messages['pki.csr_signature'].en).toContain('The CSR signature is invalid');
    expect((await pki.parseCsr('bukan CSR').catch((e) => e)).key).toBe('pki.csr_invalid');
  });

  it('[K4] refuses unsupported subject keys and TLS certificates without a name', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const weak = new Uint8Array(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }));
    expect((await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Lemah'), spkiDer: weak }).catch((e) => e)).key).toBe('pki.key_unsupported');
    expect((await pki.issue(tenantA.id, { profile: 'tls_server', subject: { commonName: 'Server Tanpa Nama' }, spkiDer: ecKey().spkiDer }).catch((e) => e)).key).toBe('pki.san_required');
  });

  it('[K8] renews before expiry with the same subject and SANs on a new key, superseding the old certificate', async () => {
    const old = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Hendra Gunawan'), spkiDer: ecKey().spkiDer, validityDays: 30, holderRef: { entity: 'person', id: 'p-hendra' } });
    const renewed = await pki.renew(tenantA.id, old.serialHex, { spkiDer: ecKey().spkiDer, revokeOld: true });
    expect(renewed.serialHex).not.toBe(old.serialHex);
    expect(renewed.subjectDn).toBe(old.subjectDn);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(old.notAfter.getTime());
    s.file('renewed.pem', renewed.certPem);
    expect(s.openssl('x509', '-in', 'renewed.pem', '-noout', '-ext', 'subjectAltName').out).toContain('email:hendra.gunawan@kota-uji.go.id');
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'smimesign', 'renewed.pem').out).toContain('renewed.pem: OK');
    expect(await pki.status(tenantA.id, old.serialHex)).toMatchObject({ status: 'revoked', reason: 'superseded' });
    await expect(pki.renew(tenantA.id, old.serialHex)).rejects.toMatchObject({ key: 'pki.renew_revoked' });
  });

  it('[K9] revokes: CRL lists the serial (DER and PEM parse), openssl -crl_check refuses the certificate', async () => {
    const good = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Tetap Berlaku'), spkiDer: ecKey().spkiDer });
    const bad = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Kunci Hilang'), spkiDer: ecKey().spkiDer });
    const before = Buffer.from(await pki.crl(tenantA.id));
    await pki.revoke(tenantA.id, bad.serialHex, 'keyCompromise', { invalidityDate: new Date('2026-01-02T03:04:05Z') });
    expect(await pki.status(tenantA.id, bad.serialHex)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    await expect(pki.revoke(tenantA.id, bad.serialHex, 'superseded')).rejects.toMatchObject({ key: 'pki.already_revoked' });
    const crl = Buffer.from(await pki.crl(tenantA.id));
    expect(crl.equals(before)).toBe(false);
    s.file('crl.der', crl);
    const text = s.openssl('crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text');
    expect(text.code).toBe(0);
    expect(text.out.toUpperCase()).toContain(bad.serialHex.toUpperCase());
    expect(text.out).toContain('Key Compromise');
    expect(text.out).toMatch(/X509v3 CRL Number:\s*\n\s*\d+/);
    expect(s.openssl('crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-CAfile', 'chain.pem').out).toContain('verify OK');

    const pem = await (await fetch(`${base}/pki/${tenantA.slug}/crl.pem`)).text();
    expect(pem).toMatch(/^-----BEGIN X509 CRL-----/);
    s.file('crl.pem', pem);
    expect(s.openssl('crl', '-in', 'crl.pem', '-noout').code).toBe(0);
    s.file('bad.pem', bad.certPem);
    s.file('good.pem', good.certPem);
    const refused = s.openssl('verify', '-crl_check', '-CRLfile', 'crl.pem', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'bad.pem');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('certificate revoked');
    const ok = s.openssl('verify', '-crl_check', '-CRLfile', 'crl.pem', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'good.pem');
    expect(ok.out, ok.out).toContain('good.pem: OK');
    const derRes = await fetch(`${base}/pki/${tenantA.slug}/crl`);
    expect(derRes.headers.get('content-type')).toBe('application/pkix-crl');
  });

  it('[K9][K14] answers OCSP over HTTP for openssl: good, revoked, unknown (nonce, SHA-256 and SHA-1 CertIDs)', async () => {
    const good = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Ocsp Baik'), spkiDer: ecKey().spkiDer });
    const bad = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Ocsp Cabut'), spkiDer: ecKey().spkiDer });
    await pki.revoke(tenantA.id, bad.serialHex, 'affiliationChanged');
    s.file('ogood.pem', good.certPem);
    s.file('obad.pem', bad.certPem);
    const url = `${base}/pki/${tenantA.slug}/ocsp`;
    const ask = (...args: string[]) => s.opensslAsync('ocsp', '-url', url, '-issuer', 'issuing.pem', '-CAfile', 'chain.pem', ...args);
    const g = await ask('-sha256', '-cert', 'ogood.pem');
    expect(g.out).toContain('Response verify OK');
    expect(g.out).toContain('ogood.pem: good');
    const g1 = await ask('-cert', 'ogood.pem'); // SHA-1 CertID
    expect(g1.out).toContain('ogood.pem: good');
    const r = await ask('-sha256', '-cert', 'obad.pem');
    expect(r.out).toContain('obad.pem: revoked');
    expect(r.out).toContain('Reason: affiliationChanged');
    const u = await ask('-sha256', '-serial', '0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a');
    expect(u.out).toMatch(/: unknown/);
    expect(u.out).toContain('Response verify OK');
    expect(u.out).not.toMatch(/WARNING: no nonce|Nonce Verify error/i);

    // the same certificate is unknown to another Pemda's responder
    await pki.chain(tenantB.id);
    const foreign = await s.opensslAsync('ocsp', '-url', `${base}/pki/${tenantB.slug}/ocsp`, '-issuer', 'issuing.pem', '-cert', 'ogood.pem', '-noverify');
    expect(foreign.out).toMatch(/ogood\.pem: unknown/);
  });

  it('[K14] serves OCSP over GET (NSS style) with whole-second GeneralizedTime and a malformedRequest for junk', async () => {
    const c = await pki.issue(tenantA.id, { profile: 'signing', subject: subject('Ocsp Get'), spkiDer: ecKey().spkiDer });
    s.file('get.pem', c.certPem);
    s.opensslBin('ocsp', '-issuer', 'issuing.pem', '-sha256', '-cert', 'get.pem', '-reqout', 'get.req');
    const reqDer = (await import('node:fs')).readFileSync(s.file('get.req'));
    const res = await fetch(`${base}/pki/${tenantA.slug}/ocsp/${encodeURIComponent(reqDer.toString('base64'))}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ocsp-response');
    s.file('get.resp', Buffer.from(await res.arrayBuffer()));
    const out = s.openssl('ocsp', '-respin', 'get.resp', '-issuer', 'issuing.pem', '-sha256', '-cert', 'get.pem', '-CAfile', 'chain.pem', '-no_nonce', '-resp_text');
    expect(out.out).toContain('get.pem: good');
    expect(out.out).toContain('Response verify OK');
    expect(out.out).toMatch(/Produced At: \w+ +\d+ \d\d:\d\d:\d\d \d{4} GMT/);
    expect(out.out).toContain('Signature Algorithm: ecdsa-with-SHA256');
    // base64url works too
    const res2 = await fetch(`${base}/pki/${tenantA.slug}/ocsp/${reqDer.toString('base64url')}`);
    s.file('get2.resp', Buffer.from(await res2.arrayBuffer()));
    expect(s.openssl('ocsp', '-respin', 'get2.resp', '-issuer', 'issuing.pem', '-sha256', '-cert', 'get.pem', '-CAfile', 'chain.pem', '-no_nonce').out).toContain('get.pem: good');
    const junk = await fetch(`${base}/pki/${tenantA.slug}/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.from('bukan ocsp') });
    expect(junk.status).toBe(200);
    expect(Buffer.from(await junk.arrayBuffer()).toString('hex')).toBe('30030a0101'); // malformedRequest
    const unknownTenant = await fetch(`${base}/pki/tidak-ada/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: reqDer });
    expect(unknownTenant.status).toBe(404);
    expect(unknownTenant.headers.get('content-type')).toContain('application/problem+json');
  });

  it('[K14] timestamps per RFC 3161: openssl ts -verify accepts the token; bad queries are rejected, not 500', async () => {
    s.file('dokumen.txt', 'Surat Keputusan Wali Kota Uji Nomor 1 Tahun 2026');
    s.opensslBin('ts', '-query', '-data', 'dokumen.txt', '-sha256', '-cert', '-out', 'q.tsq');
    const tsq = (await import('node:fs')).readFileSync(s.file('q.tsq'));
    const res = await fetch(`${base}/pki/${tenantA.slug}/tsa`, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: tsq });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply');
    s.file('r.tsr', Buffer.from(await res.arrayBuffer()));
    const v = s.openssl('ts', '-verify', '-queryfile', 'q.tsq', '-in', 'r.tsr', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem');
    expect(v.out).toContain('Verification: OK');
    const text = s.openssl('ts', '-reply', '-in', 'r.tsr', '-text').out;
    expect(text).toContain('Status: Granted.');
    expect(text).toMatch(/Time stamp: \w+ +\d+ \d\d:\d\d:\d\d \d{4} GMT/);
    expect(text).toContain('Accuracy: 0x01 seconds');

    // the TSA certificate: critical sole timeStamping EKU, accepted for -purpose timestampsign
    const direct = await pki.timestamp(tenantA.id, tsq);
    s.file('direct.tsr', direct);
    s.opensslBin('ts', '-reply', '-in', 'direct.tsr', '-token_out', '-out', 'token.der');
    s.opensslBin('pkcs7', '-inform', 'DER', '-in', 'token.der', '-print_certs', '-out', 'tsa-certs.pem');
    const certs = (await import('node:fs')).readFileSync(s.file('tsa-certs.pem'), 'utf8');
    s.file('tsa.pem', certs.slice(0, certs.indexOf('-----END CERTIFICATE-----') + 26).replace(/^[\s\S]*?(-----BEGIN)/, '$1'));
    expect(s.openssl('x509', '-in', 'tsa.pem', '-noout', '-ext', 'extendedKeyUsage').out).toMatch(/critical\s*\n\s*Time Stamping\s*$/m);
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'timestampsign', 'tsa.pem').out).toContain('tsa.pem: OK');

    s.opensslBin('ts', '-query', '-data', 'dokumen.txt', '-sha1', '-out', 'sha1.tsq');
    s.file('sha1.tsr', await pki.timestamp(tenantA.id, (await import('node:fs')).readFileSync(s.file('sha1.tsq'))));
    expect(s.openssl('ts', '-reply', '-in', 'sha1.tsr', '-text').out).toMatch(/Status: Rejected[\s\S]*unrecognized or unsupported algorithm identifier/);
    const junk = await fetch(`${base}/pki/${tenantA.slug}/tsa`, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from('sampah') });
    expect(junk.status).toBe(200);
    s.file('junk.tsr', Buffer.from(await junk.arrayBuffer()));
    expect(s.openssl('ts', '-reply', '-in', 'junk.tsr', '-text').out).toContain('Status: Rejected');
  });

  it('[K14] OCSP responses come from a delegated responder certificate (OCSPSigning, nocheck)', async () => {
    s.opensslBin('ocsp', '-issuer', 'issuing.pem', '-sha256', '-cert', 'ogood.pem', '-reqout', 'd.req');
    const resp = await pki.ocsp(tenantA.id, (await import('node:fs')).readFileSync(s.file('d.req')));
    s.file('d.resp', resp);
    const text = s.openssl('ocsp', '-respin', 'd.resp', '-resp_text', '-noverify').out;
    expect(text).toContain('Persada OCSP Responder');
    expect(text).toContain('OCSP Signing');
    expect(text).toContain('OCSP No Check');
    s.opensslBin('ocsp', '-respin', 'd.resp', '-noverify', '-respout', 'd2.resp');
    const out = s.openssl('ocsp', '-respin', 'd.resp', '-noverify', '-resp_text').out;
    const signer = out.slice(out.indexOf('-----BEGIN CERTIFICATE-----'), out.indexOf('-----END CERTIFICATE-----') + 25);
    s.file('ocsp-signer.pem', signer);
    expect(s.openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', '-purpose', 'ocsphelper', 'ocsp-signer.pem').out).toContain('ocsp-signer.pem: OK');
  });
});
