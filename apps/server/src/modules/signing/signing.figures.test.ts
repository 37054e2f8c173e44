import { randomUUID, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { certApplications, certCertificates } from '../../db/schema/index.js';
import { ThrowawayCa } from './testing/throwaway-ca.js';
import { makePdf } from './testing/fixtures.js';
import * as repo from './signing.repo.js';

let t: TestApp;
let tenantId: string;
let admin: ReturnType<typeof client>;
let ca: ThrowawayCa;
const opd: Record<string, string> = {};
const who: Record<string, { userId: string; personId: string; nip: string; cookie: string }> = {};
let seq = 0;
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

async function person(key: string, name: string, opdId: string) {
  const nip = `19800101200501${String(1000 + ++seq).slice(-4)}`;
  const email = `${key}@figures-${tenantId.slice(0, 6)}.go.id`;
  const p = await admin.post('/api/people', { fullName: name, kind: 'asn', nip, email, opdId });
  expect(p.status).toBe(200);
  const u = await createUserWithRoles(t.deps.database.db, tenantId, { email, displayName: name, password: TEST_PASSWORD, personId: p.body.id, roles: [{ code: 'asn' }] });
  who[key] = { userId: u.id, personId: p.body.id, nip, cookie: await login(t, email) };
}

/** A certificate record as the RA would leave it after issuance (the issuance itself is tested in certificates). */
async function certificate(key: string, profile: 'encryption' | 'signing', opts: { expired?: boolean; revoked?: boolean } = {}) {
  const db = t.deps.database.db;
  const w = who[key];
  const [app] = await db
    .insert(certApplications)
    .values({ tenantId, number: `PMH-${randomUUID().slice(0, 8)}`, kind: 'individual', status: 'issued', opdId: opd[key], applicantUserId: w.userId, filedByUserId: w.userId, commonName: key, email: `${key}@x.go.id`, uses: [profile] })
    .returning();
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const issued = await ca.issueEncryption(keys.publicKey, key, `${key}@x.go.id`);
  const now = Date.now();
  await db.insert(certCertificates).values({
    tenantId,
    applicationId: app.id,
    holderUserId: w.userId,
    opdId: opd[key],
    kind: 'individual',
    profile,
    serialHex: issued.serialHex,
    subjectDn: `CN=${key}`,
    notBefore: new Date(now - 400 * 86400e3),
    notAfter: new Date(opts.expired ? now - 86400e3 : now + 300 * 86400e3),
    sha256: randomUUID().replace(/-/g, ''),
    certPem: issued.pem,
    keySource: 'browser',
    agreementVersion: '1',
    agreementAcceptedAt: new Date(),
    receiptNumber: `T-${randomUUID().slice(0, 6)}`,
    status: opts.revoked ? 'revoked' : 'active',
  });
  return issued;
}

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  admin = client(t, await login(t, a.email));
  ca = await ThrowawayCa.create();
  for (const [key, code, name] of [['diskominfo', 'F.1', 'Dinas Kominfo Figures'], ['bappeda', 'F.2', 'Bappeda Figures']] as const) {
    const r = await admin.post('/api/opds', { code, name, shortName: key, kind: 'dinas', isPersandianDinas: false, address: 'Jl. Uji 1', email: null });
    expect(r.status).toBe(200);
    opd[key] = r.body.id;
  }
  await person('rina', 'Rina Kartika', opd.diskominfo);
  await person('budi', 'Budi Hartono', opd.bappeda);
  opd.rina = opd.diskominfo;
  opd.budi = opd.bappeda;
}, 120_000);
afterAll(() => t?.stop());

describe('K13 figures: signatures per OPD', () => {
  it('[K13] the yearly figures per OPD and their export count the signatures made by holders of each OPD', async () => {
    // two documents, both signed by Rina (Diskominfo); nothing signed in Bappeda
    for (const title of ['Nota Dinas 1', 'Nota Dinas 2']) {
      const boundary = `p${randomUUID()}`;
      const meta = JSON.stringify({ title, signers: [{ userId: who.rina.userId }] });
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n${meta}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nd.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        Buffer.from(await makePdf()),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.app.inject({ method: 'POST', url: '/api/signing/requests', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: who.budi.cookie } });
      expect(res.statusCode).toBe(200);
      // the signing act itself (browser key, PAdES) is covered by signing.test.ts; here only its record matters
      const signer = res.json().signers[0];
      await repo.updateSigner(t.deps.database.db, tenantId, signer.id, { status: 'signed', signedAt: new Date() });
    }
    const fig = await admin.get(`/api/certificates/statistics?year=${year}`);
    expect(fig.status).toBe(200);
    const row = (id: string) => fig.body.rows.find((r: any) => r.opdId === id);
    expect(row(opd.diskominfo).signatures).toBe(2);
    expect(row(opd.bappeda).signatures).toBe(0);
    expect(fig.body.totals.signatures).toBe(2);
    const last = await admin.get(`/api/certificates/statistics?year=${year - 1}`);
    expect(last.body.totals.signatures).toBe(0);
    const csv = await admin.get(`/api/certificates/statistics/export?year=${year}&format=csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.raw ?? csv.body);
    expect(text).toContain('Tanda Tangan');
    expect(text.split('\n').find((l) => l.includes('Dinas Kominfo Figures'))).toMatch(/,2\s*$/);
  });
});

describe('recipient picker for document protection (K4)', () => {
  it('[K4] lists only holders with a valid encryption certificate, searchable by name, NIP and OPD', async () => {
    const good = await certificate('rina', 'encryption');
    await certificate('budi', 'signing'); // signing only: cannot receive
    await certificate('budi', 'encryption', { expired: true });
    await certificate('budi', 'encryption', { revoked: true });
    const api = client(t, who.budi.cookie);
    const all = await api.get('/api/signing/recipients');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(1);
    expect(all.body[0]).toMatchObject({ userId: who.rina.userId, name: 'Rina Kartika', nip: who.rina.nip, opdName: 'Dinas Kominfo Figures', serial: good.serialHex });
    expect(all.body[0].certificatePem).toContain('BEGIN CERTIFICATE');
    expect(new Date(all.body[0].notAfter).getTime()).toBeGreaterThan(Date.now());
    expect((await api.get(`/api/signing/recipients?q=${who.rina.nip.slice(-6)}`)).body).toHaveLength(1);
    expect((await api.get('/api/signing/recipients?q=kominfo%20figures')).body).toHaveLength(1);
    expect((await api.get('/api/signing/recipients?q=Bappeda')).body).toHaveLength(0);
    expect((await api.get('/api/signing/recipients?q=%25')).body).toHaveLength(0);
  });
});
