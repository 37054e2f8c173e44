import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { systemActor } from '../../platform/context/actor.js';
import type { SigningService } from './signing.service.js';
import type { PkiService } from '../pki/index.js';
import { makePkiHolder, makePdf, nssDbTrusting, run, runAsync, tmpDir } from './testing/fixtures.js';
import { documentsSignedCheck } from './signing.evidence.js';

let t: TestApp;
let port: number;
let pki: PkiService;
let ca: { chain(): Promise<{ rootPem: string; issuingPem: string }> };
let svc: SigningService;
let tenantId: string;
const users: Record<string, { id: string; email: string; cookie: string }> = {};

function multipart(fields: Record<string, string>, file?: { name: string; data: Uint8Array }) {
  const boundary = `persada${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), Buffer.from(file.data), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(cookie: string | undefined, url: string, fields: Record<string, string>, file?: { name: string; data: Uint8Array }) {
  const m = multipart(fields, file);
  const res = await t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...(cookie ? { cookie } : {}) } });
  return { status: res.statusCode, body: res.json() as any };
}

/** What the web page does: prepare on the server, sign with the browser key, complete. */
async function signAs(who: string, holder: Awaited<ReturnType<typeof makePkiHolder>>, requestId: string) {
  const c = client(t, users[who].cookie);
  const prep = await c.post(`/api/signing/requests/${requestId}/prepare`, { certificatePem: holder.pem, password: TEST_PASSWORD });
  if (prep.status !== 200) return prep;
  const sig = await holder.sign(new Uint8Array(Buffer.from(prep.body.toBeSignedB64, 'base64')));
  return c.post(`/api/signing/requests/${requestId}/complete`, { signatureB64: Buffer.from(sig).toString('base64') });
}

beforeAll(async () => {
  // a real port: pdfsig fetches OCSP through the AIA URL of the tenant CA
  port = 20000 + Math.floor(Math.random() * 20000);
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` });
  await t.app.listen({ port, host: '127.0.0.1' });
  svc = t.services.modules.get('signing')!.service as SigningService;
  pki = t.services.modules.get('pki')!.service as PkiService;
  const { tenant, email, user } = await makeTenant(t);
  tenantId = tenant.id;
  ca = { chain: () => pki.chain(tenantId) };
  users.admin = { id: user.id, email, cookie: await login(t, email) };
  for (const [key, role] of [['kadis', 'kepala_dinas'], ['sekda', 'sekda'], ['asn', 'asn']] as const) {
    const e = `${key}@${tenant.slug}.go.id`;
    const u = await createUserWithRoles(t.deps.database.db, tenant.id, { email: e, displayName: `Pejabat ${key}`, password: TEST_PASSWORD, roles: [{ code: role }] });
    users[key] = { id: u.id, email: e, cookie: await login(t, e) };
  }
}, 120_000);
afterAll(() => t?.stop());

describe('signing requests (K15)', () => {
  let requestId: string;
  let finalPdf: string;
  let kadis: Awaited<ReturnType<typeof makePkiHolder>>;
  let sekda: Awaited<ReturnType<typeof makePkiHolder>>;

  it('[K15] an uploader chooses signers in order; the PDF gets the stamps and the first signer is notified', async () => {
    kadis = await makePkiHolder(pki, tenantId, 'Pejabat kadis', users.kadis.email);
    sekda = await makePkiHolder(pki, tenantId, 'Pejabat sekda', users.sekda.email, 'RSA');
    const meta = { title: 'Nota Dinas Penetapan Pengelola Sertifikat', docNumber: '800/12/Diskominfo/2026', signers: [{ userId: users.kadis.id, position: 'Kepala Dinas Kominfo' }, { userId: users.sekda.id, position: 'Sekretaris Daerah' }] };
    const res = await upload(users.asn.cookie, '/api/signing/requests', { meta: JSON.stringify(meta) }, { name: 'nota-dinas.pdf', data: await makePdf() });
    expect(res.status).toBe(200);
    expect(res.body.signers.map((s: any) => [s.seq, s.displayName, s.isCurrent])).toEqual([[1, 'Pejabat kadis', true], [2, 'Pejabat sekda', false]]);
    expect(res.body.verifyUrl).toBe(`http://127.0.0.1:${port}/verifikasi/${res.body.id}`);
    requestId = res.body.id;
    const notes = await client(t, users.kadis.cookie).get('/api/notifications');
    expect(notes.body.items[0]).toMatchObject({ kind: 'signing.turn', link: `/tanda-tangan/${requestId}` });
    const todo = await client(t, users.kadis.cookie).get('/api/signing/requests?box=todo');
    expect(todo.body.items.map((i: any) => i.id)).toEqual([requestId]);
    expect((await client(t, users.sekda.cookie).get('/api/signing/requests?box=todo')).body.total).toBe(0);
  });

  it('[K15] only the signer whose turn it is may sign, after re-entering the password', async () => {
    const early = await signAs('sekda', sekda, requestId);
    expect(early.status).toBe(409);
    expect(early.body.title).toBe('Belum giliran Anda menandatangani dokumen ini.');
    const wrongPw = await client(t, users.kadis.cookie).post(`/api/signing/requests/${requestId}/prepare`, { certificatePem: kadis.pem, password: 'salah-sekali' });
    expect(wrongPw.status).toBe(400);
    const notMine = await client(t, users.kadis.cookie).post(`/api/signing/requests/${requestId}/prepare`, { certificatePem: sekda.pem, password: TEST_PASSWORD });
    expect(notMine.status).toBe(400);
    expect(notMine.body.title).toBe('Sertifikat ini bukan milik akun Anda.');
    const complete = await client(t, users.kadis.cookie).post(`/api/signing/requests/${requestId}/complete`, { signatureB64: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(complete.status).toBe(409);
  });

  it('[K15][K4] both signers sign in turn with browser keys; the result passes pdfsig and the public verifier', async () => {
    const one = await signAs('kadis', kadis, requestId);
    expect(one.status).toBe(200);
    expect(one.body.signers[0].status).toBe('signed');
    expect(one.body.signers[1].isCurrent).toBe(true);
    const two = await signAs('sekda', sekda, requestId);
    expect(two.status).toBe(200);
    expect(two.body.status).toBe('completed');
    const file = await t.app.inject({ method: 'GET', url: `/api/signing/requests/${requestId}/file`, headers: { cookie: users.asn.cookie } });
    expect(file.statusCode).toBe(200);
    const p = path.join(tmpDir(), 'final.pdf');
    fs.writeFileSync(p, file.rawPayload);
    const nss = nssDbTrusting((await ca.chain()).rootPem);
    const out = run('pdfsig', ['-nssdir', `sql:${nss}`, '-nocert', p]).out;
    expect(out.match(/Signature is Valid\./g)?.length).toBe(2);

    const pub = await upload(undefined, '/api/verify/pdf', {}, { name: 'x.pdf', data: file.rawPayload });
    expect(pub.status).toBe(200);
    expect(pub.body.verdict).toBe('valid');
    expect(pub.body.document).toMatchObject({ id: requestId, title: 'Nota Dinas Penetapan Pengelola Sertifikat' });
    expect(pub.body.signatures.map((s: any) => s.signer.name)).toEqual(['Pejabat kadis', 'Pejabat sekda']);
    const qr = await client(t).get(`/api/verify/documents/${requestId}`);
    expect(qr.status).toBe(200);
    expect(qr.body.signatures).toHaveLength(2);
    expect(qr.body.signatures.every((s: any) => s.timestamp?.valid && s.revocation.atSigning === 'good')).toBe(true);
    finalPdf = p;
  });

  it('[K15] the completion notifies everyone and the evidence check counts the signed document', async () => {
    const notes = await client(t, users.asn.cookie).get('/api/notifications');
    expect(notes.body.items.some((n: any) => n.kind === 'signing.completed')).toBe(true);
    const ev = await documentsSignedCheck(svc).evaluate(t.deps.database.db, { tenantId, year: new Date().getFullYear(), now: new Date() });
    expect(ev.status).toBe('met');
    expect(ev.records[0]).toMatchObject({ id: requestId, href: `/tanda-tangan/${requestId}` });
  });

  it('[K15] a revoked certificate cannot sign', async () => {
    const revokedHolder = await makePkiHolder(pki, tenantId, 'Pejabat kadis', users.kadis.email);
    await pki.revoke(tenantId, revokedHolder.serialHex, 'keyCompromise');
    const meta = { title: 'Surat Edaran', signers: [{ userId: users.kadis.id }] };
    const res = await upload(users.kadis.cookie, '/api/signing/requests', { meta: JSON.stringify(meta) }, { name: 'se.pdf', data: await makePdf() });
    const prep = await client(t, users.kadis.cookie).post(`/api/signing/requests/${res.body.id}/prepare`, { certificatePem: revokedHolder.pem, password: TEST_PASSWORD });
    expect(prep.status).toBe(400);
    expect(prep.body.title).toBe('Sertifikat sudah dicabut dan tidak dapat dipakai menandatangani.');
  });

  it('[K15] others in the Pemda do not see the request; the uploader can cancel it', async () => {
    const meta = { title: 'Undangan Rapat', signers: [{ userId: users.sekda.id }] };
    const res = await upload(users.asn.cookie, '/api/signing/requests', { meta: JSON.stringify(meta) }, { name: 'undangan.pdf', data: await makePdf() });
    expect((await client(t, users.kadis.cookie).get(`/api/signing/requests/${res.body.id}`)).status).toBe(404);
    expect((await client(t, users.sekda.cookie).post(`/api/signing/requests/${res.body.id}/cancel`)).status).toBe(403);
    const c = await client(t, users.asn.cookie).post(`/api/signing/requests/${res.body.id}/cancel`);
    expect(c.body.status).toBe('cancelled');
    expect((await signAs('sekda', sekda, res.body.id)).status).toBe(409);
  });

  it('[K15] uploads that are not PDFs and broken verifier inputs get clear bilingual answers', async () => {
    const bad = await upload(users.asn.cookie, '/api/signing/requests', { meta: JSON.stringify({ title: 'Bukan PDF', signers: [{ userId: users.kadis.id }] }) }, { name: 'x.pdf', data: new TextEncoder().encode('halo ini bukan pdf') });
    expect(bad.status).toBe(400);
    const noSigners = await upload(users.asn.cookie, '/api/signing/requests', { meta: JSON.stringify({ title: 'Tanpa penanda tangan', signers: [] }) }, { name: 'x.pdf', data: await makePdf() });
    expect(noSigners.status).toBe(400);
    const v1 = await upload(undefined, '/api/verify/pdf', {}, { name: 'x.pdf', data: new TextEncoder().encode('PK\u0003\u0004zip') });
    expect(v1.status).toBe(400);
    expect(v1.body.title).toBe('Berkas yang diunggah bukan dokumen PDF.');
    const en = await t.app.inject({ method: 'POST', url: '/api/verify/pdf', ...multipart({}, { name: 'x.pdf', data: (await makePdf()).subarray(0, 300) }), headers: { ...multipart({}, { name: 'x.pdf', data: (await makePdf()).subarray(0, 300) }).headers, 'accept-language': 'en' } });
    expect(en.statusCode).toBeLessThan(500);
    const none = await client(t).post('/api/verify/pdf', {});
    expect(none.status).toBe(400);
    expect((await client(t).get(`/api/verify/documents/${randomUUID()}`)).status).toBe(404);
    const unsigned = await upload(undefined, '/api/verify/pdf', {}, { name: 'x.pdf', data: await makePdf() });
    expect(unsigned.body.verdict).toBe('unsigned');
  });

  it('[K4] S/MIME: a message signed with the browser key passes openssl smime -verify', async () => {
    const c = client(t, users.kadis.cookie);
    const content = 'Yth. Bapak/Ibu,\nBerikut undangan rapat koordinasi keamanan informasi.\nHormat kami';
    const prep = await c.post('/api/signing/smime/prepare', { certificatePem: kadis.pem, content });
    expect(prep.status).toBe(200);
    const sig = await kadis.sign(new Uint8Array(Buffer.from(prep.body.toBeSignedB64, 'base64')));
    const done = await c.post('/api/signing/smime/complete', { certificatePem: kadis.pem, content, signingTime: prep.body.signingTime, signatureB64: Buffer.from(sig).toString('base64') });
    expect(done.status).toBe(200);
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'mail.eml'), done.body.message);
    fs.writeFileSync(path.join(dir, 'root.pem'), (await ca.chain()).rootPem);
    const v = run('openssl', ['smime', '-verify', '-in', path.join(dir, 'mail.eml'), '-CAfile', path.join(dir, 'root.pem'), '-purpose', 'any']);
    expect(v.out).toContain('Verification successful');
    expect(v.out).toContain('rapat koordinasi');
  });
  it('[K15][I2] after the signer\'s certificate is revoked, pdfsig (online OCSP) and the verifier report it', async () => {
    await pki.revoke(tenantId, kadis.serialHex, 'keyCompromise');
    const nss = nssDbTrusting((await ca.chain()).rootPem);
    const out = (await runAsync('pdfsig', ['-nssdir', `sql:${nss}`, finalPdf])).out;
    expect(out).toContain('Certificate has been Revoked.');
    const qr = await client(t).get(`/api/verify/documents/${requestId}`);
    expect(qr.body.signatures[0].revocation.now).toBe('revoked');
    expect(qr.body.signatures[0].revocation.atSigning).toBe('good');
    expect(qr.body.signatures[1].revocation.now).toBe('good');
  });

});

void systemActor;
