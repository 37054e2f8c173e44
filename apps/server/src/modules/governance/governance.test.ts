import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminders } from '../../db/schema/index.js';
import { pdfPages, squash } from '../../platform/documents/testing/pdf-text.js';
import { unzip } from '../../platform/documents/testing/zip.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { governanceEvidence } from './governance.evidence.js';
import { seedGovernanceDemo } from './governance.seed.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let tenantId: string;
let opdA: string;
let opdB: string;

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  api = client(t, await login(t, a.email));
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
  opdA = (await api.post('/api/opds', { code: '2.16', name: 'Dinas Komunikasi dan Informatika', shortName: 'DISKOMINFO' })).body.id;
  opdB = (await api.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
}, 60_000);
afterAll(() => t?.stop());

const evidence = (key: string) =>
  governanceEvidence.find((e) => e.key === key)!.evaluate(t.deps.database.db, { tenantId, year: 2026, now: new Date('2026-11-30T03:00:00Z') });

async function person(fullName: string, nip: string, opdId = opdA) {
  const r = await api.post('/api/people', { fullName, kind: 'asn', nip, email: `${nip}@uji.go.id`, opdId });
  expect(r.status).toBe(200);
  return r.body.id as string;
}

describe('governance rules and control procedures', () => {
  it('[B7] seeds the 22 aspects a–v of MJK-40 Pasal 16 ayat (2) verbatim for each Pemda', async () => {
    const res = await api.get('/api/governance/controls?kind=procedure');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(22);
    expect(res.body.map((c: any) => c.code).join('')).toBe('abcdefghijklmnopqrstuv');
    expect(res.body[0]).toMatchObject({ title: 'keamanan perangkat TIK', legalRef: 'Perwali MJK-40 Pasal 16 ayat (2) huruf a' });
    expect(res.body[17].title).toBe('penanganan insiden Keamanan Informasi');
    expect(res.body[19].title).toBe('perencanaan pemulihan bencana terhadap layanan TIK (disaster recovery plans)');
    // every OPD appears with "not started"
    expect(res.body[0].opdStatuses.map((s: any) => [s.opdName, s.status])).toEqual([
      ['DINKES', 'not_started'],
      ['DISKOMINFO', 'not_started'],
    ]);
    const b = await other.get('/api/governance/controls?kind=procedure');
    expect(b.body).toHaveLength(22);
    expect(b.body[0].id).not.toBe(res.body[0].id);
  });

  it('[B3] lists the eight areas of JBI-35 Pasal 8 as the rule checklist', async () => {
    const res = await api.get('/api/governance/controls?kind=rule');
    expect(res.body.map((c: any) => c.title)).toEqual([
      'keamanan sumber daya teknologi informasi',
      'keamanan akses kontrol',
      'keamanan data dan informasi',
      'keamanan sumber daya manusia',
      'keamanan jaringan',
      'keamanan surat elektronik',
      'keamanan pusat data',
      'keamanan komunikasi',
    ]);
  });

  it('[B7] records the legal instrument, risk/obligation links and the status per OPD; another Pemda gets 404', async () => {
    const list = (await api.get('/api/governance/controls?kind=procedure')).body;
    const r = list.find((c: any) => c.code === 'r');
    const [obligation] = (await api.get('/api/compliance/obligations?q=MJK-40&limit=1')).body;
    const upd = await api.put(`/api/governance/controls/${r.id}`, {
      instrumentType: 'surat_edaran_sekda',
      instrumentNumber: 'SE Sekda 400.14/27/2026',
      instrumentDate: '2026-07-14',
      links: [
        { entity: 'risk', id: null, label: 'Serangan ransomware pada pusat data' },
        { entity: 'obligation', id: obligation.id, label: 'MJK-40 Pasal 17 ayat (1)' },
      ],
    });
    expect(upd.status).toBe(200);
    expect(upd.body.links).toHaveLength(2);
    expect(upd.body.links[1].label).toBe(obligation.label);
    const st = await api.put(`/api/governance/controls/${r.id}/status`, { opdId: opdA, status: 'applied', notes: 'Sudah diterapkan' });
    expect(st.status).toBe(200);
    expect(st.body.appliedCount).toBe(1);
    expect(st.body.opdStatuses.find((s: any) => s.opdId === opdA)).toMatchObject({ status: 'applied', notes: 'Sudah diterapkan' });
    await api.put(`/api/governance/controls/${r.id}/status`, { opdId: opdB, status: 'in_progress' });
    const again = (await api.get('/api/governance/controls?kind=procedure')).body.find((c: any) => c.code === 'r');
    expect(again.opdStatuses.find((s: any) => s.opdId === opdB).status).toBe('in_progress');

    expect((await other.put(`/api/governance/controls/${r.id}`, { links: [] })).status).toBe(404);
    expect((await other.put(`/api/governance/controls/${r.id}/status`, { opdId: opdA, status: 'applied' })).status).toBe(404);
    const ev = await evidence('governance.control_procedures_applied');
    expect(ev.status).toBe('partly');
    expect(ev.detail.id).toContain('1 dari 2 OPD');
  });
});

describe('policy lifecycle', () => {
  const body = {
    kind: 'internal_policy',
    title: 'Kebijakan Internal Keamanan SPBE',
    scopes: ['data', 'applications', 'infrastructure'],
    assurances: ['confidentiality', 'integrity', 'availability', 'authenticity', 'non_repudiation'],
    legalBasis: ['Perpres 95/2018'],
  };

  it('[B4][B5] refuses an illegal jump with a bilingual message and walks draft → review → approved → in force', async () => {
    const p = (await api.post('/api/governance/policies', body)).body;
    expect(p.status).toBe('draft');
    // [B5] scope and the five assurances of MJK-40 Pasal 5 are kept
    expect(p.scopes).toEqual(['data', 'applications', 'infrastructure']);
    expect(p.assurances).toHaveLength(5);
    const jump = await api.post(`/api/governance/policies/${p.id}/transition`, { to: 'approved' });
    expect(jump.status).toBe(409);
    expect(jump.body.detail).toContain('tidak diizinkan');
    expect(jump.body.detail_en).toContain('not allowed');
    expect((await api.post(`/api/governance/policies/${p.id}/transition`, { to: 'review' })).body.status).toBe('review');
    const ok = await api.post(`/api/governance/policies/${p.id}/transition`, { to: 'approved' });
    expect(ok.body).toMatchObject({ status: 'approved' });
    expect(ok.body.approvedAt).toBeTruthy();
    // an approved policy is locked
    expect((await api.put(`/api/governance/policies/${p.id}`, body)).status).toBe(409);
    expect((await api.post(`/api/governance/policies/${p.id}/transition`, { to: 'in_force' })).body.status).toBe('in_force');
    expect((await other.get(`/api/governance/policies/${p.id}`)).status).toBe(404);
  });

  it('[B4] approval needs governance.approve: the persandian head may submit but not approve', async () => {
    const { user } = await (async () => {
      const u = await createUserWithRoles(t.deps.database.db, tenantId, {
        email: 'kabid@uji.go.id',
        displayName: 'Kabid Persandian',
        password: TEST_PASSWORD,
        roles: [{ code: 'kabid_persandian' }],
      });
      return { user: u };
    })();
    expect(user.id).toBeTruthy();
    const kabid = client(t, await login(t, 'kabid@uji.go.id'));
    const p = (await kabid.post('/api/governance/policies', { ...body, kind: 'technical_policy', title: 'Kebijakan Kata Sandi' })).body;
    expect((await kabid.post(`/api/governance/policies/${p.id}/transition`, { to: 'review' })).status).toBe(200);
    expect((await kabid.post(`/api/governance/policies/${p.id}/transition`, { to: 'approved' })).status).toBe(403);
  });

  it('[B10] superseding links the new version and needs an approved successor', async () => {
    const v1 = (await api.post('/api/governance/policies', { ...body, kind: 'regulation', title: 'Perwali Pengamanan Informasi', number: 'Perwali 35/2023' })).body;
    for (const to of ['review', 'approved', 'in_force']) await api.post(`/api/governance/policies/${v1.id}/transition`, { to });
    const v2 = (await api.post('/api/governance/policies', { ...body, kind: 'regulation', title: 'Perwali Pengamanan Informasi', number: 'Perwali 12/2026', supersedesId: v1.id })).body;
    expect(v2.version).toBe(2);
    const early = await api.post(`/api/governance/policies/${v1.id}/transition`, { to: 'superseded', supersededById: v2.id });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toContain('versi baru');
    for (const to of ['review', 'approved']) await api.post(`/api/governance/policies/${v2.id}/transition`, { to });
    const done = await api.post(`/api/governance/policies/${v1.id}/transition`, { to: 'superseded', supersededById: v2.id });
    expect(done.body).toMatchObject({ status: 'superseded', supersededById: v2.id });
    expect((await api.get(`/api/governance/policies/${v2.id}`)).body.supersedesId).toBe(v1.id);
    expect((await api.post(`/api/governance/policies/${v1.id}/transition`, { to: 'in_force' })).status).toBe(409);
    const reg = (await api.get('/api/governance/policies?kind=regulation')).body;
    expect(reg.map((p: any) => [p.version, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect((await evidence('governance.policy_register')).status).toBe('met');
  });
});

describe('strategic plan and architecture', () => {
  it('[B1] keeps a 5-year Renstra with yearly targets, the roadmap per year and the BSSN consultation', async () => {
    const res = await api.post('/api/governance/plans', {
      title: 'Renstra Pengamanan Informasi 2025–2029',
      startYear: 2025,
      rpjmdReference: 'Perda RPJMD 2025–2029',
      goals: [{ goal: 'Terjaminnya keamanan informasi SPBE', targets: ['Indeks KAMI Baik'] }],
      programs: [{ name: 'Program Persandian', activities: [{ name: 'Sertifikat elektronik ASN', yearlyTargets: ['30%', '50%', '70%', '90%', '100%'] }] }],
      roadmap: [{ year: 2027, milestones: 'Evaluasi paruh waktu' }],
      bssnConsultationDate: '2025-02-12',
      bssnConsultationNotes: 'Masukan BSSN',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ endYear: 2029, bssnConsultationDate: '2025-02-12' });
    expect(res.body.roadmap.map((r: any) => r.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(res.body.roadmap[2].milestones).toBe('Evaluasi paruh waktu');
    const bad = await api.post('/api/governance/plans', { title: 'Renstra', startYear: 2025, programs: [{ name: 'P', activities: [{ name: 'A', yearlyTargets: ['1', '2'] }] }] });
    expect(bad.status).toBe(400);
    expect((await evidence('governance.strategic_plan_valid')).status).toBe('met');
  });

  it('[B2] an architecture is valid 5 years and its mid-term, final-year and expiry reminders are scheduled', async () => {
    const res = await api.post('/api/governance/architectures', {
      title: 'Arsitektur Keamanan Informasi 2025–2030',
      infrastructure: 'Pusat data',
      deviceNetworkDesign: 'VLAN',
      securityApplications: 'WAF',
      decreeNumber: 'Kepwal 100/112/2025',
      decreeDate: '2025-03-10',
      validFrom: '2025-03-10',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validUntil: '2030-03-09' });
    expect(res.body.evaluations.map((e: any) => [e.kind, e.dueDate])).toEqual([
      ['midterm', '2027-09-10'],
      ['final', '2029-03-10'],
    ]);
    const rows = await t.deps.database.db.select().from(reminders).where(and(eq(reminders.tenantId, tenantId), eq(reminders.entityId, res.body.id)));
    expect(rows.every((r) => r.cancelledAt === null)).toBe(true);
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'governance.architecture_expiry',
      'governance.architecture_final_evaluation',
      'governance.architecture_midterm_evaluation',
    ]);
    expect(rows.find((r) => r.kind === 'governance.architecture_expiry')!.dueAt.toISOString().slice(0, 10)).toBe('2029-12-09');
    // recording the mid-term evaluation cancels its reminder
    const ev = await api.post(`/api/governance/architectures/${res.body.id}/evaluations`, { kind: 'midterm', doneDate: '2027-09-01', notes: 'Sesuai' });
    expect(ev.body.evaluations[0].doneDate).toBe('2027-09-01');
    const pending = await t.deps.database.db.select().from(reminders).where(and(eq(reminders.entityId, res.body.id), eq(reminders.kind, 'governance.architecture_midterm_evaluation')));
    expect(pending.map((r) => r.cancelledAt !== null)).toEqual([true]);
    expect((await api.post(`/api/governance/architectures/${res.body.id}/evaluations`, { kind: 'midterm', doneDate: '2027-09-02' })).status).toBe(409);
    expect((await evidence('governance.security_architecture_valid')).status).toBe('met');
    expect((await other.get(`/api/governance/architectures/${res.body.id}`)).status).toBe(404);
  });
});

describe('technical team', () => {
  it('[B6] sets the Sekda as responsible, the Dinas head as chair and OPD heads as members with the P8 duties', async () => {
    const sekda = await person('Drs. Ahmad Fauzi', '196901011991031003');
    const kadis = await person('Ir. Rahmat Hidayat', '197505172000031004');
    const kadinkes = await person('dr. Lestari Dewi', '197808082005022005', opdB);
    const bad = await api.put('/api/governance/team', { members: [{ role: 'chair', personId: kadis }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toContain('penanggung jawab');
    const res = await api.put('/api/governance/team', {
      decreeNumber: 'Kep Sekda 000.8.3/21/2026',
      decreeDate: '2026-04-07',
      members: [
        { role: 'responsible', personId: sekda },
        { role: 'chair', personId: kadis },
        { role: 'member', personId: kadinkes },
      ],
    });
    expect(res.status).toBe(200);
    const chair = res.body.members.find((m: any) => m.role === 'chair');
    expect(chair.duties[0]).toBe('menetapkan prosedur pengendalian Keamanan Informasi SPBE Pemerintah Kota');
    expect(res.body.members.find((m: any) => m.role === 'member')).toMatchObject({ opdName: 'Dinas Kesehatan', duties: expect.arrayContaining([expect.stringContaining('business continuity')]) });
    expect((await evidence('governance.technical_team')).status).toBe('met');
    // a person of another Pemda cannot join
    const foreign = await other.put('/api/governance/team', { members: [{ role: 'responsible', personId: sekda }, { role: 'chair', personId: kadis }] });
    expect(foreign.status).toBe(400);
  });
});

describe('SOP', () => {
  it('[B8] starts every Pemda with the four SOPs of the report, structured like the seed', async () => {
    const list = (await api.get('/api/governance/sops')).body;
    expect(list.map((s: any) => s.number)).toEqual(['PI.01', 'PI.03', 'PS.01/SOP/KOMINFO', 'PS.02/SOP/KOMINFO']);
    const pi03 = list.find((s: any) => s.number === 'PI.03');
    expect(pi03).toMatchObject({ title: 'Penanganan Insiden Keamanan Informasi TI', madeDate: '2019-01-03', revision: 0, actors: ['Koordinator', 'Kepala Seksi', 'Anggota'] });
    expect(pi03.steps.length).toBe(17);
    const bersandi = list.find((s: any) => s.number === 'PS.01/SOP/KOMINFO');
    expect(bersandi.steps[2]).toMatchObject({ activity: 'Memberi kode sandi terhadap konsep berita sesuai tingkat kerahasiaannya', actor: 1, minutes: 10, output: 'Surat bersandi (kriptogram)' });
    expect(bersandi.totalMinutes).toBe(40);
    expect((await other.get(`/api/governance/sops/${pi03.id}`)).status).toBe(404);
  });

  it('[B8] prints the SOP as PDF with its step table and as a Word document that opens', async () => {
    const list = (await api.get('/api/governance/sops')).body;
    const sop = list.find((s: any) => s.number === 'PS.01/SOP/KOMINFO');
    const pdf = await api.get(`/api/governance/sops/${sop.id}/document?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squash(pdfPages(pdf.raw).join(' '));
    expect(text).toContain('NOMOR SOP');
    expect(text).toContain('PENGIRIMAN NASKAH DINAS DIKECUALIKAN (BERSANDI)');
    expect(text).toContain('KEGIATAN');
    expect(text).toContain('PELAKSANA');
    expect(text).toContain('Memberi kode sandi terhadap konsep berita');
    expect(text).toContain('Surat bersandi (kriptogram)');
    expect(text).toContain('10 Menit');
    expect(text).toContain('Mampu menerjemahkan kriptogram');
    const docx = await api.get(`/api/governance/sops/${sop.id}/document?format=docx`);
    expect(docx.status).toBe(200);
    const xml = unzip(docx.raw).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Memberi kode sandi terhadap konsep berita');
    expect(xml).toContain('Pejabat Setingkat Eselon II ke Atas');
  });

  it('[B8] edits steps with actors from the flow columns and refuses an unknown actor', async () => {
    const base = {
      number: 'PI.09',
      title: 'Pengujian Restore Berkala',
      actors: ['Koordinator', 'Kepala Seksi'],
      legalBasis: ['Peraturan BSSN Nomor 4 Tahun 2021'],
      steps: [{ activity: 'Memilih sampel backup', actor: 0, inputs: 'Log backup', minutes: 15, output: 'Daftar sampel' }],
    };
    const bad = await api.post('/api/governance/sops', { ...base, steps: [{ ...base.steps[0], actor: 5 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toBe('Pelaksana langkah tidak ada di kolom pelaksana SOP.');
    const ok = await api.post('/api/governance/sops', base);
    expect(ok.status).toBe(200);
    expect((await api.post('/api/governance/sops', base)).status).toBe(409);
    expect((await api.del(`/api/governance/sops/${ok.body.id}`)).status).toBe(200);
    expect((await api.post(`/api/governance/sops/${ok.body.id}/restore`)).body.number).toBe('PI.09');
  });
});

describe('BC/DR', () => {
  it('[B9] keeps RTO/RPO, strategy, contacts and test results per ICT service and reminds of the next test', async () => {
    const res = await api.post('/api/governance/bcdr', {
      serviceName: 'Layanan Naskah Dinas Elektronik',
      opdId: opdA,
      rtoMinutes: 240,
      rpoMinutes: 60,
      strategy: 'Replikasi basis data per jam',
      contacts: [{ name: 'Agus', role: 'Koordinator', phone: '0812' }],
      lastTestDate: '2026-05-20',
      lastTestResult: 'passed',
      nextTestDate: '2027-05-20',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ opdName: 'Dinas Komunikasi dan Informatika', rtoMinutes: 240 });
    const rows = await t.deps.database.db.select().from(reminders).where(eq(reminders.entityId, res.body.id));
    expect(rows.map((r) => [r.kind, r.dueAt.toISOString().slice(0, 10)])).toEqual([['governance.bcdr_test_due', '2027-05-06']]);
    expect((await evidence('governance.bcdr_plans')).status).toBe('met');
    expect((await other.get(`/api/governance/bcdr/${res.body.id}`)).status).toBe(404);
    expect((await other.del(`/api/governance/bcdr/${res.body.id}`)).status).toBe(404);
  });
});

describe('demo seed and evidence checks', () => {
  it('[B1][B2][B3][B6][B7][B8][B9][B10] an empty Pemda misses every check; the demo records meet or partly meet them', async () => {
    const { tenant, email } = await makeTenant(t);
    const ctx = { tenantId: tenant.id, year: 2026, now: new Date('2026-11-30T03:00:00Z') };
    const db = t.deps.database.db;
    for (const check of governanceEvidence) {
      const r = await check.evaluate(db, ctx);
      expect(r.status, check.key).toBe('missing');
      expect(r.detail.id.length).toBeGreaterThan(10);
      expect(r.detail.en.length).toBeGreaterThan(10);
    }
    const c = client(t, await login(t, email));
    const opdIds = new Map<string, string>();
    for (const [code, name, shortName] of [
      ['2.16', 'Dinas Komunikasi dan Informatika', 'DISKOMINFO'],
      ['1.02', 'Dinas Kesehatan', 'DINKES'],
    ]) {
      opdIds.set(shortName, (await c.post('/api/opds', { code, name, shortName })).body.id);
    }
    const personIds = new Map<string, string>();
    for (const [role, fullName, nip, opd] of [
      ['sekda', 'Drs. Ahmad Fauzi', '196901011991031003', 'DISKOMINFO'],
      ['kepala_dinas', 'Ir. Rahmat Hidayat', '197505172000031004', 'DISKOMINFO'],
      ['anggota_tim', 'dr. Lestari Dewi', '197808082005022005', 'DINKES'],
    ]) {
      personIds.set(role, (await c.post('/api/people', { fullName, kind: 'asn', nip, email: `${role}@demo.go.id`, opdId: opdIds.get(opd) })).body.id);
    }
    await seedGovernanceDemo(db, { tenantId: tenant.id, opdIds, personIds, userIds: new Map() });
    const results = Object.fromEntries(await Promise.all(governanceEvidence.map(async (e) => [e.key, (await e.evaluate(db, ctx)).status])));
    expect(results).toEqual({
      'governance.strategic_plan_valid': 'met',
      'governance.security_architecture_valid': 'met',
      'governance.rules_eight_areas': 'partly',
      'governance.control_procedures_22': 'partly',
      'governance.control_procedures_applied': 'partly',
      'governance.technical_team': 'met',
      'governance.internal_policy': 'met',
      'governance.policy_register': 'met',
      'governance.sops': 'met',
      'governance.bcdr_plans': 'met',
    });
    // the seeded SOPs carry the approver from the people register
    const sops = (await c.get('/api/governance/sops')).body;
    expect(sops).toHaveLength(4);
    expect(sops[0].approverName).toBe('Ir. Rahmat Hidayat');
    const procedures = (await c.get('/api/governance/controls?kind=procedure')).body;
    expect(procedures.find((p: any) => p.code === 'r').opdStatuses.find((s: any) => s.opdName === 'DISKOMINFO').status).toBe('applied');
  });
});

describe('exports', () => {
  it('[B10] exports the register of policies with their scope as in report appendix I', async () => {
    const res = await api.get('/api/governance/policies/export?format=csv&kind=regulation');
    expect(res.status).toBe(200);
    const csv = res.raw.toString('utf8');
    expect(csv).toContain('Nama Peraturan');
    expect(csv).toContain('Ruang Lingkup Pengaturan');
    expect(csv).toContain('Perwali Pengamanan Informasi');
    expect(csv).toContain('Data dan informasi, Aplikasi, Infrastruktur');
    expect(csv).toContain('Digantikan');
    const pdf = await api.get('/api/governance/policies/document?format=pdf');
    expect(pdf.status).toBe(200);
    const text = squash(pdfPages(pdf.raw).join(' '));
    expect(text).toContain('DAFTAR KEBIJAKAN KEAMANAN INFORMASI');
    expect(text).toContain('Ruang Lingkup Pengaturan');
    expect(text).toContain('Perwali Pengamanan Informasi');
    const xlsx = await api.get('/api/governance/bcdr/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });
});
