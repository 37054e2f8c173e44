import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TINY_PDF } from '../../platform/files/test-fixtures.js';
import { upload } from './certificates.test-helpers.js';

/** The RA administration screens' server side: appointments by decree (K11), provider agreement with its document (K1). */
let t: TestApp;
let domain: string;
let tenantId: string;
type Api = ReturnType<typeof client>;
const U: Record<string, { id: string; api: Api; cookie: string }> = {};

async function user(key: string, role: string, name: string) {
  const u = await createUserWithRoles(t.deps.database.db, tenantId, {
    email: `${key}@${domain}`,
    displayName: name,
    password: TEST_PASSWORD,
    roles: [{ code: role, opdId: null }],
  });
  const cookie = await login(t, `${key}@${domain}`);
  U[key] = { id: u.id, api: client(t, cookie), cookie };
}

beforeAll(async () => {
  t = await startTestApp();
  const { tenant } = await makeTenant(t);
  tenantId = tenant.id;
  domain = tenant.domain;
  await user('head', 'kepala_dinas', 'Rahmat Hidayat');
  await user('ra', 'pengelola_ra', 'Rina Marlina');
  await user('asn', 'asn', 'Nurul Hidayah');
}, 120_000);
afterAll(() => t?.stop());

describe('RA operators and the provider agreement', () => {
  it('[K11] the head of the Dinas appoints an operator by decree, cannot appoint twice, and ends the appointment', async () => {
    const res = await U.head.api.post('/api/certificates/ra-operators', { userId: U.ra.id, decreeNumber: '800/045/DISKOMINFO/2026', decreeDate: '2026-02-03' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ userName: 'Rina Marlina', decreeNumber: '800/045/DISKOMINFO/2026', decreeDate: '2026-02-03', active: true, raCertValid: false });
    const again = await U.head.api.post('/api/certificates/ra-operators', { userId: U.ra.id, decreeNumber: '800/046', decreeDate: '2026-02-04' });
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('Pengguna ini sudah ditunjuk sebagai Pengelola Otoritas Pendaftaran.');
    expect((await U.ra.api.get('/api/certificates/ra-operators/me')).body).toMatchObject({ appointed: true });
    // an ASN can neither appoint nor end appointments
    expect((await U.asn.api.post(`/api/certificates/ra-operators/${res.body.id}/end`)).status).toBe(403);

    const ended = await U.head.api.post(`/api/certificates/ra-operators/${res.body.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.active).toBe(false);
    expect((await U.ra.api.get('/api/certificates/ra-operators/me')).body).toMatchObject({ appointed: false });
    const list = await U.head.api.get('/api/certificates/ra-operators');
    expect(list.body.map((o: any) => [o.userName, o.active])).toEqual([['Rina Marlina', false]]);
  });

  it('[K1] records the agreement with its signed document, lists the file name, serves it back and checks the dates', async () => {
    const fileId = await upload(t, U.head.cookie, 'pks-bsre.pdf');
    const body = {
      provider: 'Balai Sertifikasi Elektronik (BSrE) – BSSN',
      agreementNumber: 'B/215/BSrE/PKS.01.00/2026',
      signedOn: '2026-03-14',
      validUntil: '2029-03-13',
      notes: 'Diskominfo sebagai Otoritas Pendaftaran.',
      fileId,
    };
    const bad = await U.head.api.post('/api/certificates/provider-agreements', { ...body, validUntil: '2025-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0]).toMatchObject({ field: 'validUntil', message: 'Tanggal berlaku tidak boleh sebelum tanggal perjanjian.' });

    // someone else's upload cannot be attached
    const foreign = await upload(t, U.asn.cookie, 'bukan-milik.pdf');
    expect((await U.head.api.post('/api/certificates/provider-agreements', { ...body, fileId: foreign })).status).toBe(400);

    const res = await U.head.api.post('/api/certificates/provider-agreements', body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ agreementNumber: 'B/215/BSrE/PKS.01.00/2026', validUntil: '2029-03-13', fileName: 'pks-bsre.pdf' });

    // an edit without a new file keeps the document
    const edited = await U.head.api.put(`/api/certificates/provider-agreements/${res.body.id}`, { ...body, fileId: undefined, notes: 'Addendum I' });
    expect(edited.body).toMatchObject({ notes: 'Addendum I', fileName: 'pks-bsre.pdf' });

    const list = await U.ra.api.get('/api/certificates/provider-agreements');
    expect(list.body).toHaveLength(1);
    expect(list.body[0].fileName).toBe('pks-bsre.pdf');
    const file = await U.ra.api.get(`/api/certificates/provider-agreements/${res.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('pks-bsre.pdf');
    expect(Buffer.from(file.raw).equals(Buffer.from(TINY_PDF))).toBe(true);
    // an ASN has no business with the RA's records
    expect((await U.asn.api.get(`/api/certificates/provider-agreements/${res.body.id}/file`)).status).toBe(403);
  });
});
