import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorize, type TAnswer } from '@persada/shared';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { TINY_PDF } from '../../platform/files/test-fixtures.js';
import { seedDemo } from '../../seed/demo.js';
import { systemsEvidence } from './systems.evidence.js';

let t: TestApp;
let admin: ReturnType<typeof client>;
let operator: ReturnType<typeof client>;
let operatorCookie: string;
let other: ReturnType<typeof client>;
let tenantId: string;
let dinkes: string;
let dinsos: string;

const app = (opdId: string, over: Record<string, unknown> = {}) => ({
  opdId,
  name: 'SIMPUS',
  kind: 'khusus',
  purpose: 'Sistem informasi puskesmas',
  usersPublic: false,
  dataClassification: 'terbatas',
  status: 'operational',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  admin = client(t, await login(t, a.email));
  dinkes = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  dinsos = (await admin.post('/api/opds', { code: '1.06', name: 'Dinas Sosial', shortName: 'DINSOS' })).body.id;
  const email = `operator@${a.tenant.slug}.go.id`;
  await createUserWithRoles(t.deps.database.db, tenantId, { email, displayName: 'Operator Dinkes', password: TEST_PASSWORD, roles: [{ code: 'operator_opd', opdId: dinkes }] });
  operatorCookie = await login(t, email);
  operator = client(t, operatorCookie);
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
});
afterAll(() => t?.stop());

const evaluate = async (key: string) => {
  const check = systemsEvidence.find((c) => c.key === key)!;
  return check.evaluate(t.deps.database.db, { tenantId, year: 2026, now: new Date() });
};

describe('electronic systems registers', () => {
  it('[D4] [D12] registers an application and lists, filters and exports it', async () => {
    const res = await admin.post('/api/systems/applications', app(dinkes, { name: 'SIMRS', usersPublic: true, hostedInDataCentre: false, hostingNote: 'Server vendor' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'SIMRS', opdName: 'Dinas Kesehatan', category: null, techDocsComplete: 0 });
    await admin.post('/api/systems/applications', app(dinsos, { name: 'SIKS-NG', kind: 'umum' }));
    const list = await admin.get('/api/systems/applications?q=simrs');
    expect(list.body.items.map((a: any) => a.name)).toEqual(['SIMRS']);
    const umum = await admin.get('/api/systems/applications?kind=umum');
    expect(umum.body.items.map((a: any) => a.name)).toEqual(['SIKS-NG']);
    const csv = await admin.get('/api/systems/applications/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.raw)).toContain('Nama Aplikasi');
    expect(String(csv.raw)).toContain('Aplikasi Khusus');
    const xlsx = await admin.get('/api/systems/applications/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('[D4] an OPD operator edits only their OPD\'s applications; another Pemda gets 404', async () => {
    const own = await operator.post('/api/systems/applications', app(dinkes, { name: 'e-Puskesmas' }));
    expect(own.status).toBe(200);
    const foreignOpd = await operator.post('/api/systems/applications', app(dinsos, { name: 'Aplikasi Asing' }));
    expect(foreignOpd.status).toBe(403);
    const sosial = (await admin.get('/api/systems/applications?kind=umum')).body.items[0];
    const edit = await operator.put(`/api/systems/applications/${sosial.id}`, app(dinsos, { name: 'Diubah' }));
    expect(edit.status).toBe(403);
    expect((await operator.get(`/api/systems/applications/${sosial.id}`)).status).toBe(403);
    const mine = await operator.get('/api/systems/applications?pageSize=100');
    expect(mine.body.items.every((a: any) => a.opdId === dinkes)).toBe(true);
    expect((await other.get(`/api/systems/applications/${own.body.id}`)).status).toBe(404);
    expect((await other.put(`/api/systems/applications/${own.body.id}`, app(dinkes))).status).toBe(404);
    expect((await other.get('/api/systems/applications')).body.total).toBe(0);
  });

  it('[D12] categorization boundaries 10/15/16/34/35/50 and history kept', () => {
    const mk = (a: number, b: number, c: number) => [...Array(a).fill('A'), ...Array(b).fill('B'), ...Array(c).fill('C')] as TAnswer[];
    expect(categorize(mk(0, 0, 10))).toEqual({ score: 10, category: 'rendah' });
    expect(categorize(mk(1, 0, 9))).toEqual({ score: 14, category: 'rendah' });
    expect(categorize(mk(0, 5, 5))).toEqual({ score: 15, category: 'rendah' });
    expect(categorize(mk(0, 6, 4))).toEqual({ score: 16, category: 'tinggi' });
    expect(categorize(mk(6, 0, 4))).toEqual({ score: 34, category: 'tinggi' });
    expect(categorize(mk(5, 5, 0))).toEqual({ score: 35, category: 'strategis' });
    expect(categorize(mk(10, 0, 0))).toEqual({ score: 50, category: 'strategis' });
  });

  it('[D12] categorizes an application through the API and keeps each assessment', async () => {
    const a = (await admin.get('/api/systems/applications?q=SIMRS')).body.items[0];
    const first = await operator.post(`/api/systems/applications/${a.id}/categorizations`, { answers: Array(10).fill('B'), assessedOn: '2026-01-10' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ score: 20, category: 'tinggi', assessorLabel: expect.any(String) });
    const second = await admin.post(`/api/systems/applications/${a.id}/categorizations`, { answers: [...Array(7).fill('A'), 'B', 'B', 'C'] });
    expect(second.body).toMatchObject({ score: 40, category: 'strategis' });
    const history = await admin.get(`/api/systems/applications/${a.id}/categorizations`);
    expect(history.body.map((h: any) => h.category)).toEqual(['strategis', 'tinggi']);
    expect((await admin.get(`/api/systems/applications/${a.id}`)).body).toMatchObject({ category: 'strategis', score: 40 });
    const bad = await admin.post(`/api/systems/applications/${a.id}/categorizations`, { answers: ['A', 'B'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toBe('Jawab kesepuluh pertanyaan kategorisasi (A, B atau C).');
  });

  it('[D2] only the Dinas assigns IP addresses and a duplicate is refused by the database', async () => {
    const body = { opdId: dinkes, address: '10.20.1.5', note: 'Server SIMRS' };
    expect((await operator.post('/api/systems/ip-addresses', body)).status).toBe(403);
    const ok = await admin.post('/api/systems/ip-addresses', body);
    expect(ok.status).toBe(200);
    expect(ok.body.address).toBe('10.20.1.5');
    const dup = await admin.post('/api/systems/ip-addresses', { ...body, opdId: dinsos });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ field: 'address', message: 'Alamat IP ini sudah dialokasikan.' });
    const bad = await admin.post('/api/systems/ip-addresses', { ...body, address: '10.20.1.300' });
    expect(bad.status).toBe(400);
    // another tenant may use the same private address
    const opdB = (await other.post('/api/opds', { code: '9.1', name: 'Dinas Lain' })).body.id;
    expect((await other.post('/api/systems/ip-addresses', { ...body, opdId: opdB })).status).toBe(200);
    // after a soft delete the address can be reassigned; restoring the old one then conflicts
    await admin.del(`/api/systems/ip-addresses/${ok.body.id}`);
    expect((await admin.post('/api/systems/ip-addresses', { ...body, opdId: dinsos })).status).toBe(200);
    expect((await admin.post(`/api/systems/ip-addresses/${ok.body.id}/restore`)).status).toBe(409);
  });

  it('[D9] technical documentation completeness follows the nine handed-over items', async () => {
    const a = (await admin.get('/api/systems/applications?q=SIMRS')).body.items[0];
    const empty = await admin.get(`/api/systems/applications/${a.id}/tech-docs`);
    expect(empty.body.items).toHaveLength(9);
    expect(empty.body.completeness).toBe(0);
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: operatorCookie, 'content-type': 'multipart/form-data; boundary=X' },
      payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="kode-sumber.pdf"\r\nContent-Type: application/pdf\r\n\r\n' + TINY_PDF.toString('latin1') + '\r\n--X--\r\n',
    });
    expect(file.statusCode).toBe(200);
    const fileId = file.json().id;
    const items = ['source_code', 'user_requirements', 'design'];
    for (const item of items) {
      const r = await operator.put(`/api/systems/applications/${a.id}/tech-docs`, { item, fileId, handedOverOn: '2026-02-01' });
      expect(r.status).toBe(200);
    }
    const after = await admin.get(`/api/systems/applications/${a.id}/tech-docs`);
    // items count as complete only with both the document and the hand-over date
    expect(after.body.completeness).toBe(33);
    const noDate = await operator.put(`/api/systems/applications/${a.id}/tech-docs`, { item: 'testing', fileId, handedOverOn: null });
    expect(noDate.body.items.find((i: any) => i.item === 'testing').complete).toBe(false);
    expect((await operator.put(`/api/systems/applications/${a.id}/tech-docs`, { item: 'nonsense', fileId })).status).toBe(400);
  });

  it('[D5] an OPD requests a subdomain and the Dinas decides it with a decree', async () => {
    const req = await operator.post('/api/systems/subdomains', { opdId: dinkes, label: 'SimRS', purpose: 'Layanan rumah sakit', decreeNumber: 'palsu', decreeDate: '2026-01-01' });
    expect(req.status).toBe(200);
    expect(req.body).toMatchObject({ label: 'simrs', status: 'requested', decreeNumber: null });
    expect(req.body.fqdn).toMatch(/^simrs\./);
    expect((await operator.post(`/api/systems/subdomains/${req.body.id}/decision`, { decision: 'assigned' })).status).toBe(403);
    const noDecree = await admin.post(`/api/systems/subdomains/${req.body.id}/decision`, { decision: 'assigned' });
    expect(noDecree.status).toBe(400);
    const ok = await admin.post(`/api/systems/subdomains/${req.body.id}/decision`, { decision: 'assigned', decreeNumber: '555/12/KOMINFO/2026', decreeDate: '2026-03-02' });
    expect(ok.body).toMatchObject({ status: 'assigned', decreeNumber: '555/12/KOMINFO/2026' });
    expect((await admin.post(`/api/systems/subdomains/${req.body.id}/decision`, { decision: 'rejected' })).status).toBe(409);
    const dup = await operator.post('/api/systems/subdomains', { opdId: dinkes, label: 'simrs' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].message).toBe('Subdomain ini sudah dipakai atau sedang diajukan.');
  });

  it('[D5] the Dinas is notified of a subdomain request and the OPD cannot change a decided one', async () => {
    const req = await operator.post('/api/systems/subdomains', { opdId: dinkes, label: 'gizi', purpose: 'SIM Gizi' });
    expect(req.status).toBe(200);
    const inbox = await admin.get('/api/notifications');
    expect(inbox.body.items.map((n: any) => n.title)).toContain('Permohonan subdomain: gizi');
    expect((await operator.get('/api/notifications')).body.items.map((n: any) => n.title)).not.toContain('Permohonan subdomain: gizi');
    await admin.post(`/api/systems/subdomains/${req.body.id}/decision`, { decision: 'assigned', decreeNumber: '555/13/KOMINFO/2026', decreeDate: '2026-03-05' });
    const change = await operator.put(`/api/systems/subdomains/${req.body.id}`, { opdId: dinkes, label: 'gizi-baru' });
    expect(change.status).toBe(409);
    expect(change.body.title).toBe('Permohonan subdomain ini sudah diputuskan.');
    expect((await admin.put(`/api/systems/subdomains/${req.body.id}`, { opdId: dinkes, label: 'gizi', purpose: 'SIM Gizi Balita' })).status).toBe(200);
  });

  it('[D1] [D3] [D10] [D11] registers servers with backups and logs maintenance', async () => {
    const srv = await operator.post('/api/systems/devices', { opdId: dinkes, kind: 'server', name: 'SRV-SIMRS-01', role: 'Aplikasi', os: 'Ubuntu 22.04', location: 'opd', backupFileSystem: true, backupDatabase: true, backupMedia: 'NAS', backupOffsite: false });
    expect(srv.status).toBe(200);
    const log = await operator.post(`/api/systems/devices/${srv.body.id}/maintenance`, { performedOn: '2026-03-01', performedBy: 'opd', description: 'Pembaruan patch keamanan' });
    expect(log.status).toBe(200);
    expect(log.body[0]).toMatchObject({ description: 'Pembaruan patch keamanan' });
    expect((await admin.get(`/api/systems/devices/${srv.body.id}`)).body.lastMaintenance).toBe('2026-03-01');
    const ev = await evaluate('systems.servers_in_data_centre');
    expect(ev.status).toBe('missing');
    expect(ev.records.map((r) => r.label)).toEqual(['SRV-SIMRS-01']);
    await admin.post('/api/systems/devices', { opdId: dinkes, kind: 'server', name: 'SRV-DC-01', location: 'data_centre' });
    expect((await evaluate('systems.servers_in_data_centre')).status).toBe('partly');
    await admin.put(`/api/systems/devices/${srv.body.id}`, { opdId: dinkes, kind: 'server', name: 'SRV-SIMRS-01', location: 'data_centre' });
    expect((await evaluate('systems.servers_in_data_centre')).status).toBe('met');
    expect((await evaluate('systems.network_devices_registered')).status).toBe('missing');
  });

  it('[D6] [D7] databases in the 20 groups with their wali data', async () => {
    const bad = await operator.post('/api/systems/databases', { opdId: dinkes, name: 'Data Pasien', groupCode: 'z', keyKind: 'nik' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toBe('Pilih kelompok basis data sesuai Pasal 11 ayat (3).');
    const db1 = await operator.post('/api/systems/databases', { opdId: dinkes, name: 'Data Pasien', groupCode: 'k', keyKind: 'nik' });
    expect(db1.status).toBe(200);
    expect((await evaluate('systems.databases_registered')).status).toBe('met');
    expect((await evaluate('systems.wali_data_appointed')).status).toBe('missing');
    await operator.put(`/api/systems/databases/${db1.body.id}`, { opdId: dinkes, name: 'Data Pasien', groupCode: 'k', keyKind: 'nik', custodianName: 'dr. Sri Wahyuni', custodianDecreeNumber: '800/45/DINKES/2026', custodianDecreeDate: '2026-01-05' });
    expect((await evaluate('systems.wali_data_appointed')).status).toBe('met');
  });

  it('[D8] [D15] third parties with SLA reports and interconnections through the Dinas', async () => {
    const tp = await operator.post('/api/systems/third-parties', { opdId: dinkes, name: 'PT Medika Solusi', kind: 'vendor', contractNumber: '027/SPK/2026', contractEnd: '2099-12-31', securityClauses: true, fullAccessSourceCode: true });
    expect(tp.status).toBe(200);
    expect((await evaluate('systems.third_parties_sla')).status).toBe('missing');
    // a reminder is armed 30 days before the contract ends, and re-armed when the date changes
    const reminders = async () =>
      (await t.deps.database.raw(`select due_at, title from reminders where entity = 'sys_third_party' and entity_id = $1 and fired_at is null and cancelled_at is null`, [tp.body.id])).rows as any[];
    expect((await reminders()).map((r: any) => r.due_at.toISOString().slice(0, 10))).toEqual(['2099-12-01']);
    await operator.put(`/api/systems/third-parties/${tp.body.id}`, { opdId: dinkes, name: 'PT Medika Solusi', kind: 'vendor', contractNumber: '027/SPK/2026', contractEnd: '2099-06-30', securityClauses: true, fullAccessSourceCode: true });
    expect((await reminders()).map((r: any) => r.title)).toEqual(['Kontrak PT Medika Solusi berakhir 2099-06-30']);
    const badSla = await operator.post(`/api/systems/third-parties/${tp.body.id}/sla-reports`, { periodStart: '2026-03-01', periodEnd: '2026-01-31', availability: 99.5 });
    expect(badSla.status).toBe(400);
    const today = new Date().toISOString().slice(0, 10);
    const sla = await operator.post(`/api/systems/third-parties/${tp.body.id}/sla-reports`, { periodStart: today, periodEnd: today, availability: 99.7, incidents: 1 });
    expect(sla.status).toBe(200);
    expect(sla.body[0]).toMatchObject({ availability: 99.7, incidents: 1 });
    expect((await evaluate('systems.third_parties_sla')).status).toBe('met');
    const simrs = (await admin.get('/api/systems/applications?q=SIMRS')).body.items[0];
    expect((await operator.post('/api/systems/interconnections', { opdId: dinkes, applicationId: simrs.id, partyName: 'BPJS Kesehatan', dataExchanged: 'Klaim pasien' })).status).toBe(403);
    const ic = await admin.post('/api/systems/interconnections', { opdId: dinkes, applicationId: simrs.id, thirdPartyId: tp.body.id, partyName: 'BPJS Kesehatan', dataExchanged: 'Klaim pasien', legalBasis: 'Perpres 82/2018', viaDinas: true });
    expect(ic.status).toBe(200);
    expect(ic.body.applicationName).toBe('SIMRS');
    expect((await evaluate('systems.interconnections_registered')).status).toBe('met');
  });

  it('[C1] security ICT assets with lifecycle and purpose', async () => {
    const r = await operator.post('/api/systems/security-assets', { opdId: dinkes, name: 'Firewall NGFW', purpose: 'protect', stage: 'use', procuredOn: '2025-06-01', inUseOn: '2025-07-01' });
    expect(r.status).toBe(200);
    const ev = await evaluate('systems.security_assets_registered');
    expect(ev.status).toBe('partly');
    expect(ev.detail.id).toContain('1 dari 6 fungsi');
    const csv = await admin.get('/api/systems/security-assets/export?format=csv');
    expect(String(csv.raw)).toContain('Proteksi');
  });

  it('[D12] evidence on applications and the appendix VI register as PDF', async () => {
    expect((await evaluate('systems.applications_registered')).status).toBe('met');
    expect((await evaluate('systems.applications_categorized')).status).toBe('partly');
    expect((await evaluate('systems.applications_with_certificate')).status).toBe('missing');
    expect((await evaluate('systems.technical_docs_complete')).status).toBe('missing');
    const pdf = await admin.get('/api/systems/register?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await operator.get('/api/systems/register?format=docx');
    expect(docx.status).toBe(200);
  });

  it('[D4] soft delete and restore keep the history', async () => {
    const a = (await operator.post('/api/systems/applications', app(dinkes, { name: 'Aplikasi Lama' }))).body;
    expect((await operator.del(`/api/systems/applications/${a.id}`)).status).toBe(200);
    expect((await operator.get('/api/systems/applications?q=Aplikasi%20Lama')).body.total).toBe(0);
    expect((await operator.get('/api/systems/applications?q=Aplikasi%20Lama&includeDeleted=true')).body.total).toBe(1);
    expect((await operator.post(`/api/systems/applications/${a.id}/restore`)).body.deletedAt).toBeNull();
  });

  it('[D4] [D12] the demo Pemda shows a dozen applications; its DINKES operator sees only DINKES', async () => {
    const seeded = await seedDemo(t.deps.database.db, TEST_PASSWORD);
    const op = seeded.users.find((u) => u.role === 'operator_opd')!;
    const demoOp = client(t, await login(t, op.email));
    const adminApi = client(t, await login(t, seeded.adminEmail));
    const all = await adminApi.get('/api/systems/applications?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(12);
    expect(all.body.items.map((a: any) => a.name)).toEqual(expect.arrayContaining(['SIMPEG', 'e-Kinerja', 'SIPD', 'SIMRS', 'e-Office']));
    expect(all.body.items.find((a: any) => a.name === 'SIMPEG')).toMatchObject({ category: expect.any(String), url: 'https://simpeg.contohkota.go.id' });
    const mine = await demoOp.get('/api/systems/applications?pageSize=100');
    expect(mine.body.items.map((a: any) => a.name).sort()).toEqual(['SIMRS', 'e-Puskesmas']);
    const ev = await systemsEvidence.find((c) => c.key === 'systems.subdomains_assigned')!.evaluate(t.deps.database.db, { tenantId: seeded.tenantId, year: 2026, now: new Date() });
    expect(ev.status).toBe('partly');
    expect(ev.records.map((r) => r.label)).toEqual(['epuskesmas']);
    const pdf = await adminApi.get('/api/systems/register?format=pdf');
    expect(pdf.status).toBe(200);
  });
});

describe('dashboard summary', () => {
  it('[D12] [C1] counts active applications by latest category, status and hosting; changes after categorizing', async () => {
    const dishub = (await admin.post('/api/opds', { code: '1.09', name: 'Dinas Perhubungan', shortName: 'DISHUB' })).body.id as string;
    const sum = async (opdId = dishub) => (await admin.get(`/api/systems/summary?opdId=${opdId}`)).body;
    expect(await sum()).toEqual({ total: 0, byCategory: { strategis: 0, tinggi: 0, rendah: 0, uncategorized: 0 }, byStatus: { planned: 0, development: 0, operational: 0 }, outsideDataCentre: 0 });

    const parkir = (await admin.post('/api/systems/applications', app(dishub, { name: 'e-Parkir', hostedInDataCentre: false, hostingNote: 'Cloud vendor' }))).body.id;
    const uji = (await admin.post('/api/systems/applications', app(dishub, { name: 'SIM Uji KIR', status: 'development' }))).body.id;
    const lama = (await admin.post('/api/systems/applications', app(dishub, { name: 'Aplikasi Lama', status: 'retired' }))).body.id;
    const hapus = (await admin.post('/api/systems/applications', app(dishub, { name: 'Dihapus' }))).body.id;
    await admin.post(`/api/systems/applications/${lama}/categorizations`, { answers: Array(10).fill('A') });
    await admin.del(`/api/systems/applications/${hapus}`);
    expect(await sum()).toMatchObject({ total: 2, byCategory: { uncategorized: 2, strategis: 0 }, byStatus: { operational: 1, development: 1 }, outsideDataCentre: 1 });

    // categorizing moves the application into its category; a newer assessment replaces the older one
    await admin.post(`/api/systems/applications/${parkir}/categorizations`, { answers: Array(10).fill('B'), assessedOn: '2026-01-10' });
    expect((await sum()).byCategory).toEqual({ strategis: 0, tinggi: 1, rendah: 0, uncategorized: 1 });
    await admin.post(`/api/systems/applications/${parkir}/categorizations`, { answers: Array(10).fill('A'), assessedOn: '2026-02-10' });
    await admin.post(`/api/systems/applications/${uji}/categorizations`, { answers: Array(10).fill('C'), assessedOn: '2026-02-10' });
    expect((await sum()).byCategory).toEqual({ strategis: 1, tinggi: 0, rendah: 1, uncategorized: 0 });

    // tenant-wide totals include DISHUB; the OPD operator sees only DINKES and is refused other OPDs
    const all = (await admin.get('/api/systems/summary')).body;
    expect(all.total).toBeGreaterThanOrEqual(2);
    const mine = await operator.get('/api/systems/summary');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual((await admin.get(`/api/systems/summary?opdId=${dinkes}`)).body);
    expect((await operator.get(`/api/systems/summary?opdId=${dishub}`)).status).toBe(403);
    // another Pemda learns nothing about this one's OPD
    expect((await other.get(`/api/systems/summary?opdId=${dishub}`)).status).toBe(404);
    expect((await other.get('/api/systems/summary')).body.total).toBe(0);
  });
});
