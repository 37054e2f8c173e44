import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let opdId: string;

beforeAll(async () => {
  t = await startTestApp();
  const { email } = await makeTenant(t);
  api = client(t, await login(t, email));
});
afterAll(() => t?.stop());

const person = (over: Record<string, unknown> = {}) => ({
  fullName: 'Dedi Kurniawan',
  kind: 'asn',
  nip: '199003032015031007',
  email: 'dedi@uji.go.id',
  opdId,
  ...over,
});

describe('organisation', () => {
  it('[A1] edits the Pemda profile and reads it back', async () => {
    const res = await api.put('/api/tenant', {
      name: 'Kota Jambi',
      level: 'kota',
      headTitle: 'Wali Kota',
      headName: 'Dr. H. Syarif Fasha',
      sekdaName: 'Ridwan',
      dinasName: 'Dinas Komunikasi dan Informatika',
      domain: 'jambikota.go.id',
    });
    expect(res.status).toBe(200);
    const again = await api.get('/api/tenant');
    expect(again.body).toMatchObject({ name: 'Kota Jambi', level: 'kota', domain: 'jambikota.go.id', headTitle: 'Wali Kota' });
  });

  it('[A2] creates an OPD with units and refuses a duplicate code in Indonesian', async () => {
    const res = await api.post('/api/opds', { code: '2.16', name: 'Dinas Komunikasi dan Informatika', shortName: 'DISKOMINFO', isPersandianDinas: true });
    expect(res.status).toBe(200);
    opdId = res.body.id;
    const dup = await api.post('/api/opds', { code: '2.16', name: 'Dinas Lain' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ field: 'code', message: 'Kode OPD sudah dipakai.' });
    const bidang = await api.post('/api/units', { opdId, name: 'Bidang Persandian', kind: 'bidang' });
    const seksi = await api.post('/api/units', { opdId, parentId: bidang.body.id, name: 'Seksi Persandian', kind: 'seksi' });
    expect(seksi.status).toBe(200);
    // a unit cannot become its own ancestor
    const cycle = await api.put(`/api/units/${bidang.body.id}`, { opdId, parentId: seksi.body.id, name: 'Bidang Persandian', kind: 'bidang' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].message).toBe('Unit tidak boleh menjadi induk dirinya sendiri.');
    const units = await api.get(`/api/opds/${opdId}/units`);
    expect(units.body.map((u: any) => u.name).sort()).toEqual(['Bidang Persandian', 'Seksi Persandian']);
  });

  it('[A3] rejects an invalid NIP with the Indonesian reason for each part', async () => {
    const cases: [string, string][] = [
      ['12345', 'NIP harus 18 digit angka.'],
      ['199013032015031007', 'Tanggal lahir pada NIP (digit 1–8) tidak valid.'],
      ['199003032015131007', 'TMT CPNS pada NIP (digit 9–14) tidak valid.'],
      ['199003032015033007', 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.'],
      ['199003031995031007', 'TMT CPNS pada NIP terlalu dekat dengan tanggal lahir.'],
    ];
    for (const [nip, message] of cases) {
      const res = await api.post('/api/people', person({ nip }));
      expect(res.status, nip).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'nip', message }));
      expect(res.body.errors.find((e: any) => e.field === 'nip').message_en).toBeTruthy();
    }
  });

  it('[A3] stores a person with a valid NIP and derives birth date and sex', async () => {
    const res = await api.post('/api/people', person());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nip: '199003032015031007', birthDate: '1990-03-03', sex: 'L' });
    const dup = await api.post('/api/people', person({ email: 'lain@uji.go.id' }));
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ field: 'nip', message: 'NIP ini sudah terdaftar.' });
    const nonAsn = await api.post('/api/people', person({ kind: 'non_asn', nip: null, nik: '3571014507900002', email: 'tenaga@uji.go.id', fullName: 'Rina' }));
    expect(nonAsn.status).toBe(200);
    expect(nonAsn.body).toMatchObject({ sex: 'P', birthDate: '1990-07-05' });
  });

  it('[A2] appoints a position holder and ends the previous term', async () => {
    const pos = await api.post('/api/positions', { opdId, name: 'Kepala Dinas Komunikasi dan Informatika', isHead: true });
    const people = await api.get(`/api/people?opdId=${opdId}&q=Dedi`);
    const dedi = people.body.items[0];
    const a = await api.post(`/api/positions/${pos.body.id}/holder`, { personId: dedi.id, startDate: '2025-01-02', decreeNumber: '821/1/2025' });
    expect(a.body).toMatchObject({ holderName: 'Dedi Kurniawan', holderSince: '2025-01-02' });
    const opd = await api.get(`/api/opds/${opdId}`);
    expect(opd.body.headName).toBe('Dedi Kurniawan');
    const vacated = await api.post(`/api/positions/${pos.body.id}/holder`, { personId: null, startDate: '2026-01-01' });
    expect(vacated.body.holderName).toBeNull();
  });

  it('[A6] soft-deletes a person, hides them, and restores them', async () => {
    const list = await api.get('/api/people?q=Rina');
    const id = list.body.items[0].id;
    expect((await api.del(`/api/people/${id}`)).status).toBe(200);
    expect((await api.get('/api/people?q=Rina')).body.total).toBe(0);
    const withDeleted = await api.get('/api/people?q=Rina&includeDeleted=true');
    expect(withDeleted.body.items[0].deletedAt).not.toBeNull();
    const restored = await api.post(`/api/people/${id}/restore`);
    expect(restored.status).toBe(200);
    expect((await api.get('/api/people?q=Rina')).body.total).toBe(1);
  });

  it('[A6] refuses to delete an OPD that still has people', async () => {
    const res = await api.del(`/api/opds/${opdId}`);
    expect(res.status).toBe(409);
    expect(res.body.title).toBe('OPD/unit masih memiliki unit, jabatan atau pegawai aktif.');
  });

  it('[A2] lists with paging, sorting and search', async () => {
    for (let i = 0; i < 5; i++) await api.post('/api/opds', { code: `9.0${i}`, name: `Kecamatan Uji ${i}`, kind: 'kecamatan' });
    const page = await api.get('/api/opds?page=2&pageSize=2&sort=code&dir=desc&q=Kecamatan');
    expect(page.body.total).toBe(5);
    expect(page.body.items.map((o: any) => o.code)).toEqual(['9.02', '9.01']);
    const bad = await api.get('/api/opds?pageSize=100000');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('pageSize');
  });

  it('[A2] exports people to Excel and CSV', async () => {
    const xlsx = await api.get('/api/people/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    const csv = await api.get('/api/people/export?format=csv');
    expect(csv.raw.toString('utf8')).toContain('Dedi Kurniawan');
  });

  it('[A2] prints the list of OPDs and officials as PDF, Word and Excel', async () => {
    const pdf = await api.get('/api/documents/opd-officials?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await api.get('/api/documents/opd-officials?format=docx');
    expect(docx.raw.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await api.get('/api/documents/opd-officials?format=xlsx');
    expect(xlsx.status).toBe(200);
  });
});
