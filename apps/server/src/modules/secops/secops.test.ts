import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminders } from '../../db/schema/index.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { secopsEvidence } from './secops.evidence.js';
import { addMonths, todayJakarta } from './secops.dates.js';
import { seedSecopsDemo } from './secops.seed.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let tenantId: string;
let opdA: string;
let opdB: string;
let appA: string;
let appB: string;
let foreignApp: string;

const today = todayJakarta();
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const evidence = (key: string, now = new Date()) =>
  secopsEvidence.find((e) => e.key === key)!.evaluate(t.deps.database.db, { tenantId, year: Number(today.slice(0, 4)), now });

const vaBody = (over: Record<string, unknown> = {}) => ({
  targetKind: 'application',
  applicationId: appA,
  function: 'identifikasi',
  kind: 'vulnerability_assessment',
  performedOn: day(-3),
  executor: 'internal',
  scope: 'Aplikasi web SIMPEG',
  result: 'Satu kerentanan kritis',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  api = client(t, await login(t, a.email));
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
  opdA = (await api.post('/api/opds', { code: '2.16', name: 'Dinas Komunikasi dan Informatika', shortName: 'DISKOMINFO' })).body.id;
  opdB = (await api.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  appA = (await api.post('/api/systems/applications', { opdId: opdA, name: 'SIMPEG', kind: 'umum', status: 'operational' })).body.id;
  appB = (await api.post('/api/systems/applications', { opdId: opdB, name: 'SIMRS', kind: 'khusus', status: 'operational' })).body.id;
  const otherOpd = (await other.post('/api/opds', { code: '9.01', name: 'Dinas Lain', shortName: 'LAIN' })).body.id;
  foreignApp = (await other.post('/api/systems/applications', { opdId: otherOpd, name: 'Aplikasi Lain', kind: 'khusus', status: 'operational' })).body.id;
  expect(appA && appB && foreignApp).toBeTruthy();
}, 60_000);
afterAll(() => t?.stop());

describe('security cycle (D13)', () => {
  it('[D13] refuses incomplete or wrong activities with Indonesian messages', async () => {
    const noArea = await api.post('/api/secops/activities', vaBody({ targetKind: 'area', applicationId: null }));
    expect(noArea.status).toBe(400);
    expect(noArea.headers['content-type']).toContain('application/problem+json');
    expect(noArea.body.errors[0]).toMatchObject({ field: 'area', message: 'Pilih sasaran kegiatan: aplikasi, server/perangkat jaringan, atau area infrastruktur.' });
    const future = await api.post('/api/secops/activities', vaBody({ performedOn: day(5) }));
    expect(future.body.errors[0].message).toBe('Tanggal pelaksanaan tidak boleh setelah hari ini.');
    const third = await api.post('/api/secops/activities', vaBody({ executor: 'third_party' }));
    expect(third.body.errors[0]).toMatchObject({ field: 'executorName', message: 'Sebutkan nama pihak ketiga pelaksana kegiatan.' });
    const badDate = await api.post('/api/secops/activities', vaBody({ performedOn: '03-11-2026' }));
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].message).toBe('Tanggal harus berformat TTTT-BB-HH.');
    const foreign = await api.post('/api/secops/activities', vaBody({ applicationId: foreignApp }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].message).toBe('Aplikasi tidak ditemukan di register sistem elektronik.');
  });

  it('[D13] records a vulnerability assessment with a critical finding, shows it in the overview, and follows it to verified', async () => {
    const act = await api.post('/api/secops/activities', vaBody());
    expect(act.status).toBe(200);
    expect(act.body).toMatchObject({ targetLabel: 'SIMPEG', opdName: 'Dinas Komunikasi dan Informatika', function: 'identifikasi', openFindings: 0 });
    const f = await api.post(`/api/secops/activities/${act.body.id}/findings`, { title: 'SQL injection pada pencarian pegawai', severity: 'kritis', ownerText: 'Tim SIMPEG', dueDate: day(14) });
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ status: 'terbuka', overdue: false, targetLabel: 'SIMPEG' });

    const ov = (await api.get('/api/secops/overview')).body;
    const row = ov.rows.find((r: any) => r.targetId === appA);
    expect(row.openFindings).toBe(1);
    expect(row.functions.find((x: any) => x.function === 'identifikasi')).toEqual({ function: 'identifikasi', lastDate: day(-3), gap: false });
    expect(row.functions.filter((x: any) => x.gap).map((x: any) => x.function)).toEqual(['deteksi', 'proteksi', 'penanggulangan', 'pemulihan']);
    // the four infrastructure areas are listed with every function a gap
    expect(ov.rows.filter((r: any) => r.targetKind === 'area').map((r: any) => [r.label, r.gaps])).toEqual([
      ['Pusat data', 5], ['Jaringan intra pemerintah', 5], ['Sistem penghubung layanan SPBE', 5], ['Data dan informasi', 5],
    ]);

    // verification before the fix is refused; accepting needs a reason
    const skip = await api.post(`/api/secops/findings/${f.body.id}/status`, { status: 'diverifikasi' });
    expect(skip.status).toBe(409);
    expect(skip.body.title).toContain('terbuka → diperbaiki → diverifikasi');
    const accept = await api.post(`/api/secops/findings/${f.body.id}/status`, { status: 'diterima' });
    expect(accept.status).toBe(400);
    expect(accept.body.errors[0].message).toBe('Penerimaan risiko atas temuan harus disertai alasan.');

    const fixed = await api.post(`/api/secops/findings/${f.body.id}/status`, { status: 'diperbaiki', note: 'Query diparameterisasi' });
    expect(fixed.body).toMatchObject({ status: 'diperbaiki', fixedOn: today });
    const verified = await api.post(`/api/secops/findings/${f.body.id}/status`, { status: 'diverifikasi' });
    expect(verified.body).toMatchObject({ status: 'diverifikasi', verifiedOn: today });
    expect((await api.get('/api/secops/overview')).body.rows.find((r: any) => r.targetId === appA).openFindings).toBe(0);
    const detail = await api.get(`/api/secops/activities/${act.body.id}`);
    expect(detail.body.findings.map((x: any) => x.status)).toEqual(['diverifikasi']);
  });

  it('[D13] an open finding past its due date is overdue, listed, reminded, and the reminder stops once fixed', async () => {
    const act = await api.post('/api/secops/activities', vaBody({ kind: 'penetration_test', performedOn: day(-40), executor: 'third_party', executorName: 'PT Uji Penetrasi' }));
    const late = await api.post(`/api/secops/activities/${act.body.id}/findings`, { title: 'Kata sandi bawaan panel admin', severity: 'tinggi', dueDate: day(-2) });
    const fine = await api.post(`/api/secops/activities/${act.body.id}/findings`, { title: 'Cookie tanpa atribut Secure', severity: 'sedang', dueDate: day(30) });
    expect(late.body.overdue).toBe(true);
    expect(fine.body.overdue).toBe(false);
    const early = await api.post(`/api/secops/activities/${act.body.id}/findings`, { title: 'Tenggat sebelum kegiatan', severity: 'rendah', dueDate: day(-41) });
    expect(early.body.errors[0].message).toBe('Batas waktu perbaikan tidak boleh sebelum tanggal kegiatan.');

    const overdue = (await api.get('/api/secops/findings?overdue=true')).body;
    expect(overdue.items.map((x: any) => x.title)).toEqual(['Kata sandi bawaan panel admin']);
    expect((await api.get('/api/secops/overview')).body.rows.find((r: any) => r.targetId === appA).overdueFindings).toBe(1);

    const pending = () =>
      t.deps.database.db
        .select({ kind: reminders.kind, repeat: reminders.repeatEveryDays })
        .from(reminders)
        .where(and(eq(reminders.tenantId, tenantId), eq(reminders.entityId, late.body.id), isNull(reminders.cancelledAt)));
    expect(await pending()).toEqual([{ kind: 'secops.finding_overdue', repeat: 7 }]);
    const soon = await t.deps.database.db.select({ kind: reminders.kind }).from(reminders).where(and(eq(reminders.entityId, fine.body.id), isNull(reminders.cancelledAt)));
    expect(soon.map((r) => r.kind).sort()).toEqual(['secops.finding_due_soon', 'secops.finding_overdue']);

    await api.post(`/api/secops/findings/${late.body.id}/status`, { status: 'diperbaiki' });
    expect(await pending()).toEqual([]);
    expect((await api.get('/api/secops/findings?overdue=true')).body.total).toBe(0);
  });

  it('[D13] exports the findings to Excel', async () => {
    const res = await api.get('/api/secops/findings/export?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.raw.subarray(0, 2).toString()).toBe('PK');
    const csv = await api.get('/api/secops/findings/export?format=csv');
    expect(csv.body).toContain('Kata sandi bawaan panel admin');
    expect(csv.body).toContain('Penanggung Jawab Perbaikan');
  });

  it('[D13] another Pemda sees none of it; an OPD-scoped reader sees only its OPD', async () => {
    const list = (await api.get('/api/secops/activities')).body;
    const id = list.items[0].id;
    expect((await other.get(`/api/secops/activities/${id}`)).status).toBe(404);
    expect((await other.get('/api/secops/activities')).body.total).toBe(0);
    expect((await other.get('/api/secops/findings')).body.total).toBe(0);
    const finding = (await api.get('/api/secops/findings')).body.items[0].id;
    expect((await other.post(`/api/secops/findings/${finding}/status`, { status: 'diperbaiki' })).status).toBe(404);

    // an activity on DINKES's application, and an OPD operator of DINKES
    await api.post('/api/secops/activities', vaBody({ applicationId: appB, function: 'pemulihan', kind: 'backup_restore_test' }));
    const email = `operator.dinkes.${Date.now()}@uji.go.id`;
    await createUserWithRoles(t.deps.database.db, tenantId, { email, displayName: 'Operator Dinkes', password: TEST_PASSWORD, roles: [{ code: 'operator_opd', opdId: opdB }] });
    const op = client(t, await login(t, email));
    const seen = (await op.get('/api/secops/activities')).body;
    expect(seen.items.map((x: any) => x.targetLabel)).toEqual(['SIMRS']);
    expect((await op.get(`/api/secops/activities/${id}`)).status).toBe(403);
    const ov = (await op.get('/api/secops/overview')).body;
    expect(ov.rows.map((r: any) => r.label)).toEqual(['SIMRS']);
    expect((await op.post('/api/secops/activities', vaBody({ applicationId: appB }))).status).toBe(403);
  });

  it('[D13] evidence: areas assured and the five functions for strategic/high applications within 12 months', async () => {
    expect((await evidence('secops.cycle_per_application')).status).toBe('missing'); // nothing categorized yet
    await api.post(`/api/systems/applications/${appA}/categorizations`, { answers: Array(10).fill('A'), note: 'Strategis' });
    const partly = await evidence('secops.cycle_per_application');
    expect(partly.status).toBe('partly');
    expect(partly.detail.id).toContain('0 dari 1 aplikasi strategis/tinggi');
    for (const fn of ['deteksi', 'proteksi', 'penanggulangan', 'pemulihan'])
      expect((await api.post('/api/secops/activities', vaBody({ function: fn, kind: 'other' }))).status).toBe(200);
    const met = await evidence('secops.cycle_per_application');
    expect(met.status).toBe('met');
    expect(met.records.map((r) => r.label)).toEqual(['SIMPEG']);
    // a year and a half later the same records no longer count
    const later = new Date(Date.parse(`${addMonths(today, 18)}T03:00:00Z`));
    expect((await evidence('secops.cycle_per_application', later)).status).toBe('missing');

    expect((await evidence('secops.infrastructure_assured')).status).toBe('missing');
    for (const area of ['pusat_data', 'jaringan_intra', 'penghubung_spbe'])
      await api.post('/api/secops/activities', vaBody({ targetKind: 'area', applicationId: null, area, function: 'proteksi', kind: 'hardening' }));
    const three = await evidence('secops.infrastructure_assured');
    expect(three.status).toBe('partly');
    expect(three.detail.id).toContain('belum: Data dan informasi');
    await api.post('/api/secops/activities', vaBody({ targetKind: 'area', applicationId: null, area: 'data', function: 'identifikasi', kind: 'risk_analysis' }));
    expect((await evidence('secops.infrastructure_assured')).status).toBe('met');
  });
});

describe('security operations centre (D14)', () => {
  let personId: string;
  it('[D14] keeps the SOC profile with people, SOP links and tools; refuses unknown people', async () => {
    expect((await api.get('/api/secops/soc')).body).toBeNull();
    personId = (await api.post('/api/people', { fullName: 'Rina Analis', kind: 'asn', nip: '199003032015031001', email: 'rina@uji.go.id', opdId: opdA })).body.id;
    const body = {
      name: 'CSIRT dan SOC Kota Uji',
      decreeNumber: 'Kep. Wali Kota 800/12/2026',
      decreeDate: '2026-01-12',
      operatingHours: '24 jam, 7 hari',
      people: [{ personId, role: 'analyst' }],
      processes: [{ number: 'SOP.KI.01', title: 'Pemantauan peristiwa keamanan' }],
      tools: [{ name: 'SIEM Wazuh', purpose: 'Korelasi log' }],
    };
    const foreignPerson = (await other.post('/api/people', { fullName: 'Orang Lain', kind: 'asn', nip: '198808082015031002', email: 'lain@uji.go.id', opdId: (await other.get('/api/opds')).body.items[0].id })).body.id;
    const bad = await api.put('/api/secops/soc', { ...body, people: [{ personId: foreignPerson, role: 'analyst' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'people.0.personId', message: 'Pegawai tidak ditemukan di Pemda ini.' });
    const ok = await api.put('/api/secops/soc', body);
    expect(ok.status).toBe(200);
    expect(ok.body.people).toEqual([{ personId, role: 'analyst', name: 'Rina Analis', opdName: 'Dinas Komunikasi dan Informatika' }]);
    expect((await other.get('/api/secops/soc')).body).toBeNull();
  });

  it('[D14] records monitoring coverage per application and refuses duplicates', async () => {
    const c = await api.post('/api/secops/coverage', { targetKind: 'application', applicationId: appA, tool: 'SIEM Wazuh' });
    expect(c.body).toMatchObject({ targetLabel: 'SIMPEG', tool: 'SIEM Wazuh' });
    const dup = await api.post('/api/secops/coverage', { targetKind: 'application', applicationId: appA, tool: 'siem wazuh' });
    expect(dup.status).toBe(409);
    expect(dup.body.title).toBe('Sasaran ini sudah dipantau dengan alat tersebut.');
    expect((await api.post('/api/secops/coverage', { targetKind: 'application', applicationId: foreignApp, tool: 'X' })).status).toBe(400);
    expect((await api.get('/api/secops/coverage')).body).toHaveLength(1);
    expect((await other.del(`/api/secops/coverage/${c.body.id}`)).status).toBe(404);
  });

  it('[D14] monitoring reports: validation, PDF/Excel export, and the SOC evidence turns met', async () => {
    const bad = await api.post('/api/secops/reports', { periodStart: '2026-07-01', periodEnd: '2026-06-30', eventsObserved: 10, alertsEscalated: 2, incidentsRaised: 0 });
    expect(bad.body.errors[0].message).toBe('Akhir periode tidak boleh sebelum awal periode.');
    const tooMany = await api.post('/api/secops/reports', { periodStart: '2026-07-01', periodEnd: '2026-09-30', eventsObserved: 1, alertsEscalated: 2, incidentsRaised: 0 });
    expect(tooMany.body.errors[0].message).toBe('Jumlah peringatan yang dieskalasi tidak boleh melebihi jumlah kejadian yang teramati.');

    // profile without a recent report: partly
    const old = await api.post('/api/secops/reports', { periodStart: addMonths(today, -12), periodEnd: addMonths(today, -9), eventsObserved: 100, alertsEscalated: 3, incidentsRaised: 1 });
    expect(old.status).toBe(200);
    expect((await evidence('secops.soc_operating')).status).toBe('partly');
    const rep = await api.post('/api/secops/reports', {
      periodStart: addMonths(today, -3), periodEnd: day(-1), eventsObserved: 12500, alertsEscalated: 41, incidentsRaised: 2, incidentsNote: 'Dua insiden brute force', notes: 'Aman terkendali',
    });
    const met = await evidence('secops.soc_operating');
    expect(met.status).toBe('met');
    expect(met.records.map((r) => r.entity)).toEqual(['secops_soc_profile', 'secops_report']);

    const pdf = await api.get(`/api/secops/reports/${rep.body.id}/document?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await api.get(`/api/secops/reports/${rep.body.id}/document?format=xlsx`);
    expect(xlsx.headers['content-disposition']).toContain('laporan-pemantauan-');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await other.get(`/api/secops/reports/${rep.body.id}/document?format=pdf`)).status).toBe(404);
    expect((await api.del(`/api/secops/reports/${rep.body.id}`)).status).toBe(200);
    expect((await evidence('secops.soc_operating')).status).toBe('partly');
  });

  it('[D13] [D14] the demo seed gives Kota Contoh activities, findings, a SOC profile and a report', async () => {
    const d = await makeTenant(t);
    const c = client(t, await login(t, d.email));
    const opd = (await c.post('/api/opds', { code: '4.01', name: 'Badan Kepegawaian', shortName: 'BKPSDM' })).body.id;
    await c.post('/api/systems/applications', { opdId: opd, name: 'SIMPEG', kind: 'umum', status: 'operational' });
    await seedSecopsDemo(t.deps.database.db, { tenantId: d.tenant.id, opdIds: new Map([['BKPSDM', opd]]), personIds: new Map(), userIds: new Map() });
    const findings = (await c.get('/api/secops/findings?open=true')).body;
    expect(findings.items.map((f: any) => f.severity)).toContain('kritis');
    expect(findings.items.some((f: any) => f.overdue)).toBe(true);
    expect((await c.get('/api/secops/soc')).body.name).toContain('Security Operations Center');
    expect((await c.get('/api/secops/reports')).body).toHaveLength(1);
  });
});
