import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { risksEvidence } from './risks.evidence.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let admin: ReturnType<typeof client>;
let operatorX: ReturnType<typeof client>;
let operatorY: ReturnType<typeof client>;
let approverX: ReturnType<typeof client>;
let approverXUserId: string;
let operatorXUserId: string;
let other: ReturnType<typeof client>;
let opdX: string;
let opdY: string;
let ctxX: string;
let tenantId: string;

async function userWith(role: string, opdId: string | null, email: string) {
  const u = await createUserWithRoles(t.deps.database.db, tenantId, { email, displayName: email.split('@')[0], password: TEST_PASSWORD, roles: [{ code: role, opdId }] });
  return { id: u.id, api: client(t, await login(t, email)) };
}

const riskBody = (over: Record<string, unknown> = {}) => ({
  contextId: ctxX,
  assetName: 'Server SIMPEG',
  threat: 'Ransomware',
  vulnerability: 'Port RDP terbuka',
  event: 'Server SIMPEG terenkripsi ransomware',
  cause: 'Kata sandi lemah',
  impact: 'Layanan kepegawaian terhenti',
  category: 'keamanan',
  area: 'layanan',
  existingControls: 'Backup mingguan',
  inherentL: 5,
  inherentI: 4,
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  admin = client(t, await login(t, a.email));
  opdX = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  opdY = (await admin.post('/api/opds', { code: '2.12', name: 'Dinas Kependudukan', shortName: 'DISDUKCAPIL' })).body.id;
  const ox = await userWith('operator_opd', opdX, `op.x@${a.tenant.slug}.go.id`);
  operatorX = ox.api;
  operatorXUserId = ox.id;
  operatorY = (await userWith('operator_opd', opdY, `op.y@${a.tenant.slug}.go.id`)).api;
  const ap = await userWith('anggota_tim', opdX, `tim.x@${a.tenant.slug}.go.id`);
  approverX = ap.api;
  approverXUserId = ap.id;
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
}, 60_000);
afterAll(() => t?.stop());

describe('risk management (PermenPANRB 5/2020)', () => {
  it('[E1] seeds the national 5×5 lookup matrix and five coloured levels for a new tenant', async () => {
    const res = await operatorX.get('/api/risk-settings');
    expect(res.status).toBe(200);
    const s = res.body;
    // matrix[likelihood-1][impact-1]
    expect(s.matrix[4][3]).toBe(23);
    expect(s.matrix[0][4]).toBe(20);
    expect(s.matrix[4][0]).toBe(9);
    expect(s.matrix[2][2]).toBe(14);
    expect(s.matrix[4][4]).toBe(25);
    expect(s.levels.map((l: any) => [l.name, l.min, l.max, l.colorName])).toEqual([
      ['Sangat Rendah', 1, 5, 'Biru'],
      ['Rendah', 6, 10, 'Hijau'],
      ['Sedang', 11, 15, 'Kuning'],
      ['Tinggi', 16, 20, 'Jingga'],
      ['Sangat Tinggi', 21, 25, 'Merah'],
    ]);
    expect(s.categories).toHaveLength(16);
    expect(s.areas.map((x: any) => x.name)).toContain('Operasional dan Aset TIK');
    expect(s.impactCriteria.length).toBe(35);
  });

  it('[E1] records a context with appetite and a risk: likelihood 5 × impact 4 → 23 Sangat Tinggi, needs treatment', async () => {
    const c = await operatorX.post('/api/risk-contexts', { opdId: opdX, year: 2026, scope: 'Layanan SIMPUS', appetiteDefault: 10, appetite: { keamanan: 8 } });
    expect(c.status).toBe(200);
    ctxX = c.body.id;
    const dup = await operatorX.post('/api/risk-contexts', { opdId: opdX, year: 2026, appetiteDefault: 10 });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].message).toBe('Konteks risiko OPD ini untuk periode tersebut sudah ada.');

    const r = await operatorX.post('/api/risks', riskBody());
    expect(r.status).toBe(200);
    expect(r.body.inherent).toMatchObject({ likelihood: 5, impact: 4, score: 23, levelName: 'Sangat Tinggi', color: '#dc2626' });
    expect(r.body.current.score).toBe(23); // current defaults to inherent
    expect(r.body).toMatchObject({ code: 'R-2026-001', needsTreatment: true, appetite: 8, approvalStatus: 'belum', priority: 1 });
  });

  it('[E1] other table points follow the lookup table, not L×I', async () => {
    const points: [number, number, number, string][] = [
      [1, 1, 1, 'Sangat Rendah'],
      [2, 2, 7, 'Rendah'],
      [3, 3, 14, 'Sedang'],
      [1, 5, 20, 'Tinggi'],
      [4, 3, 16, 'Tinggi'],
      [2, 4, 13, 'Sedang'],
      [5, 1, 9, 'Rendah'],
    ];
    for (const [l, i, score, level] of points) {
      const r = await operatorX.post('/api/risks', riskBody({ event: `Titik ${l}×${i}`, category: 'layanan', inherentL: l, inherentI: i }));
      expect(r.status, `${l}×${i}`).toBe(200);
      expect([r.body.current.score, r.body.current.levelName], `${l}×${i}`).toEqual([score, level]);
      // appetite for "layanan" is the default 10: above → needs treatment
      expect(r.body.needsTreatment, `${l}×${i}`).toBe(score > 10);
    }
  });

  it('[E1] appetite decides "needs treatment"; an override needs a reason; raising the appetite re-decides', async () => {
    const r = await operatorX.post('/api/risks', riskBody({ event: 'Gangguan jaringan', category: 'infrastruktur', inherentL: 3, inherentI: 3, currentL: 2, currentI: 2 }));
    expect(r.body.current.score).toBe(7);
    expect(r.body.needsTreatment).toBe(false);
    const noReason = await operatorX.put(`/api/risks/${r.body.id}`, riskBody({ event: 'Gangguan jaringan', category: 'infrastruktur', inherentL: 3, inherentI: 3, currentL: 2, currentI: 2, needsTreatmentOverride: true }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'overrideReason', message: 'Alasan wajib diisi bila keputusan penanganan diubah manual.' });
    const withReason = await operatorX.put(`/api/risks/${r.body.id}`, riskBody({ event: 'Gangguan jaringan', category: 'infrastruktur', inherentL: 3, inherentI: 3, currentL: 2, currentI: 2, needsTreatmentOverride: true, overrideReason: 'Layanan kritis Puskesmas' }));
    expect(withReason.body).toMatchObject({ needsTreatment: true, needsTreatmentAuto: false, overrideReason: 'Layanan kritis Puskesmas' });

    // raise the security appetite to 24: the 23 ransomware risk no longer needs treatment
    const ctx = (await operatorX.get(`/api/risk-contexts/${ctxX}`)).body;
    const up = await operatorX.put(`/api/risk-contexts/${ctxX}`, { ...ctx, appetite: { keamanan: 24 } });
    expect(up.status).toBe(200);
    const list = await operatorX.get('/api/risks?q=SIMPEG%20terenkripsi');
    expect(list.body.items[0]).toMatchObject({ needsTreatment: false, appetite: 24 });
    await operatorX.put(`/api/risk-contexts/${ctxX}`, { ...ctx, appetite: { keamanan: 8 } });
    expect((await operatorX.get('/api/risks?q=SIMPEG%20terenkripsi')).body.items[0].needsTreatment).toBe(true);
  });

  it('[E1] treatment plan and monitoring; only the risk owner role of that OPD approves, "Tidak Setuju" needs a reason, the submitter is notified', async () => {
    const risk = (await operatorX.get('/api/risks?q=SIMPEG%20terenkripsi')).body.items[0];
    const wrongOption = await operatorX.post(`/api/risks/${risk.id}/treatments`, { option: 'exploit', action: 'x' });
    expect(wrongOption.status).toBe(400);
    const plan = await operatorX.post(`/api/risks/${risk.id}/treatments`, {
      option: 'mitigate',
      action: 'Tutup RDP publik, VPN dengan MFA',
      output: 'Konfigurasi VPN',
      startDate: '2026-02-01',
      endDate: '2026-03-31',
      ownerName: 'Pengelola SIMPEG',
      targetL: 2,
      targetI: 3,
    });
    expect(plan.status).toBe(200);
    expect(plan.body.target).toMatchObject({ score: 11, levelName: 'Sedang' });
    // a weekly reminder from a week before the end date, to the submitter
    const { rows: rem } = await t.deps.database.raw(`select due_at, recipient_user_ids, title from reminders where entity = 'risk_treatment' and entity_id = $1 and cancelled_at is null`, [plan.body.id]);
    expect(rem).toHaveLength(1);
    expect(rem[0].due_at.toISOString()).toBe('2026-03-24T01:00:00.000Z');
    expect(rem[0].recipient_user_ids).toContain(operatorXUserId);
    expect(rem[0].title).toBe('Rencana penanganan risiko R-2026-001 jatuh tempo 2026-03-31');
    const mon = await operatorX.post(`/api/risks/${risk.id}/monitorings`, { date: '2026-03-15', realisation: 'VPN aktif', currentL: 3, currentI: 3 });
    expect(mon.body.current.score).toBe(14);

    // operator has no risks.approve
    expect((await operatorX.post(`/api/risks/${risk.id}/approval`, { status: 'setuju' })).status).toBe(403);
    const noReason = await approverX.post(`/api/risks/${risk.id}/approval`, { status: 'tidak_setuju' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', message: 'Alasan wajib diisi bila tidak disetujui.' });
    const rejected = await approverX.post(`/api/risks/${risk.id}/approval`, { status: 'tidak_setuju', reason: 'Jadwal terlalu lama' });
    expect(rejected.body).toMatchObject({ approvalStatus: 'tidak_setuju', approvalReason: 'Jadwal terlalu lama' });
    const ok = await approverX.post(`/api/risks/${risk.id}/approval`, { status: 'setuju' });
    expect(ok.body).toMatchObject({ approvalStatus: 'setuju', approvalReason: null });
    expect(ok.body.treatments).toHaveLength(1);
    expect(ok.body.monitorings).toHaveLength(1);
    const notes = await operatorX.get('/api/notifications');
    expect(notes.body.items.map((n: any) => n.title)).toEqual(expect.arrayContaining(['Risiko R-2026-001 disetujui', 'Risiko R-2026-001 tidak disetujui']));
    // audited
    const audit = await admin.get(`/api/audit?entityId=${risk.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toContain('approve');
    void approverXUserId;
  });

  it('[E1] an OPD operator of another OPD gets 403; another Pemda gets 404 and sees nothing', async () => {
    const risk = (await operatorX.get('/api/risks?q=SIMPEG%20terenkripsi')).body.items[0];
    expect((await operatorY.get(`/api/risks/${risk.id}`)).status).toBe(403);
    expect((await operatorY.put(`/api/risks/${risk.id}`, riskBody())).status).toBe(403);
    expect((await operatorY.post('/api/risks', riskBody())).status).toBe(403);
    expect((await operatorY.post(`/api/risks/${risk.id}/treatments`, { option: 'mitigate', action: 'x' })).status).toBe(403);
    expect((await operatorY.get('/api/risks')).body.total).toBe(0);
    expect((await other.get(`/api/risks/${risk.id}`)).status).toBe(404);
    expect((await other.post(`/api/risks/${risk.id}/approval`, { status: 'setuju' })).status).toBe(404);
    expect((await other.get(`/api/risk-contexts/${ctxX}`)).status).toBe(404);
    expect((await other.get(`/api/risk-contexts/${ctxX}/forms`)).status).toBe(404);
    expect((await other.get('/api/risks')).body.total).toBe(0);
    expect((await other.post('/api/risks', riskBody())).status).toBe(400);
  });

  it('[E1] heat map counts per cell, filters the list by cell, lists top risks and overdue treatments', async () => {
    const hm = await operatorX.get(`/api/risks/heatmap?opdId=${opdX}&year=2026`);
    expect(hm.status).toBe(200);
    const cell = (l: number, i: number) => hm.body.cells[l - 1][i - 1];
    expect(cell(5, 4)).toMatchObject({ score: 23, level: 'sangat_tinggi', count: 1 });
    expect(cell(3, 3).count).toBe(1);
    expect(cell(2, 2).count).toBe(2); // 2×2 point and the network risk's current rating
    expect(hm.body.total).toBe(9);
    expect(hm.body.byLevel.find((b: any) => b.level === 'sangat_tinggi').count).toBe(1);
    expect(hm.body.top[0].current.score).toBe(23);
    const list = await operatorX.get('/api/risks?likelihood=2&impact=2');
    expect(list.body.total).toBe(2);
    const tinggi = await operatorX.get('/api/risks?level=tinggi');
    expect(tinggi.body.items.map((r: any) => r.current.score).sort()).toEqual([16, 20]);
    const needs = await operatorX.get('/api/risks?needsTreatment=true');
    expect(needs.body.items.every((r: any) => r.needsTreatment)).toBe(true);
    // the plan ended 2026-03-31 and is still planned → overdue once that date has passed
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(hm.body.overdue.length).toBe(today > '2026-03-31' ? 1 : 0);
  });

  it('[E1] clones the last period into a new year with approval reset and monitoring empty', async () => {
    const cl = await operatorX.post(`/api/risk-contexts/${ctxX}/clone`, { year: 2027 });
    expect(cl.status).toBe(200);
    expect(cl.body).toMatchObject({ year: 2027, opdId: opdX, riskCount: 9, appetite: { keamanan: 8 } });
    const again = await operatorX.post(`/api/risk-contexts/${ctxX}/clone`, { year: 2027 });
    expect(again.status).toBe(409);
    const list = await operatorX.get('/api/risks?year=2027&q=SIMPEG%20terenkripsi');
    const copy = list.body.items[0];
    expect(copy).toMatchObject({ code: 'R-2027-001', approvalStatus: 'belum', approvedByName: null });
    const detail = await operatorX.get(`/api/risks/${copy.id}`);
    expect(detail.body.monitorings).toEqual([]);
    expect(detail.body.treatments[0]).toMatchObject({ status: 'planned', startDate: '2027-02-01', endDate: '2027-03-31' });
    // the source period is untouched
    expect((await operatorX.get('/api/risks?year=2026&q=SIMPEG%20terenkripsi')).body.items[0].approvalStatus).toBe('setuju');
  });

  it('[E1] exports the national forms 2.0–5.0 with their headers and merged cells (read back with exceljs)', async () => {
    const via = await operatorX.get(`/api/risk-contexts/${ctxX}/forms`);
    expect(via.status).toBe(200);
    expect(via.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(via.raw as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2.0 Konteks', '3.0 Penilaian Risiko', '4.0 Rencana Penanganan', '5.0 Pemantauan']);
    const ws = wb.getWorksheet('3.0 Penilaian Risiko')!;
    expect(ws.getCell('A1').value).toBe('FORMULIR 3.0 PENILAIAN RISIKO SPBE (DAFTAR RISIKO)');
    expect(ws.getCell('A3').value).toBe('Unit Pemilik Risiko (UPR): Dinas Kesehatan');
    const headRow = 6;
    const texts = (r: number) => (ws.getRow(r).values as unknown[]).filter((v) => typeof v === 'string');
    expect(texts(headRow)).toEqual(expect.arrayContaining(['No', 'Identifikasi Risiko', 'Analisis Risiko', 'Keputusan Perlu Penanganan', 'Persetujuan Pemilik Risiko']));
    expect(texts(headRow + 1)).toEqual(expect.arrayContaining(['Aset SPBE', 'Ancaman', 'Kerentanan', 'Kejadian', 'Level Kemungkinan', 'Level Dampak', 'Besaran Risiko', 'Level Risiko']));
    // merged group heading: "Identifikasi Risiko" spans columns E–L; single headings span both header rows
    expect(ws.getCell('E6').isMerged).toBe(true);
    expect(ws.getCell('L6').master.address).toBe('E6');
    expect(ws.getCell('A7').master.address).toBe('A6');
    expect(ws.getCell('A8').value).toBe('(1)');
    const first = ws.getRow(headRow + 3);
    expect(first.getCell(2).value).toBe('R-2026-001');
    expect(first.getCell(16).value).toBe(23);
    expect(first.getCell(17).value).toBe('Sangat Tinggi');
    expect(first.getCell(19).value).toBe('YA');
    const plan = wb.getWorksheet('4.0 Rencana Penanganan')!;
    expect((plan.getRow(6).values as unknown[]).filter((v) => typeof v === 'string')).toEqual(
      expect.arrayContaining(['Opsi Penanganan', 'Rencana Aksi Penanganan', 'Keluaran', 'Jadwal Implementasi', 'Penanggung Jawab', 'Risiko Residual Harapan']),
    );
    expect(plan.getRow(9).getCell(6).value).toBe('Mitigasi');
    const mon = wb.getWorksheet('5.0 Pemantauan')!;
    expect(mon.getRow(9).getCell(5).value).toBe('VPN aktif');
    const k = wb.getWorksheet('2.0 Konteks')!;
    expect(k.getCell('A1').value).toBe('FORMULIR 2.0 KONTEKS MANAJEMEN RISIKO SPBE');

    const csv = await operatorX.get('/api/risks/export?format=csv&year=2026');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Besaran Saat Ini');
    expect(String(csv.body)).toContain('Server SIMPEG terenkripsi ransomware');
  });

  it('[E1] the matrix is editable by risks.configure only, audited, and rescoring follows', async () => {
    const s = (await admin.get('/api/risk-settings')).body;
    expect((await operatorX.put('/api/risk-settings', s)).status).toBe(403);
    const bad = await admin.put('/api/risk-settings', { ...s, levels: s.levels.map((l: any, i: number) => (i === 1 ? { ...l, min: 7 } : l)) });
    expect(bad.status).toBe(400);
    const m = s.matrix.map((row: number[]) => [...row]);
    m[4][3] = 19;
    const ok = await admin.put('/api/risk-settings', { ...s, matrix: m });
    expect(ok.status).toBe(200);
    const r = (await operatorX.get('/api/risks?year=2026&q=SIMPEG%20terenkripsi')).body.items[0];
    expect(r.current).toMatchObject({ score: 19, levelName: 'Tinggi' });
    const audit = await admin.get('/api/audit?entity=risk_settings');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    await admin.post('/api/risk-settings/reset');
    expect((await operatorX.get('/api/risks?year=2026&q=SIMPEG%20terenkripsi')).body.items[0].current.score).toBe(23);
  });

  it('[E1] finishing a treatment plan cancels its due-date reminder', async () => {
    const risk = (await operatorX.get('/api/risks?year=2026&q=SIMPEG%20terenkripsi')).body.items[0];
    const plan = (await operatorX.get(`/api/risks/${risk.id}`)).body.treatments[0];
    const open = `select count(*)::int as n from reminders where entity = 'risk_treatment' and entity_id = $1 and cancelled_at is null and fired_at is null`;
    expect((await t.deps.database.raw(open, [plan.id])).rows[0].n).toBe(1);
    const done = await operatorX.put(`/api/risk-treatments/${plan.id}`, { ...plan, targetL: 2, targetI: 3, status: 'done' });
    expect(done.status).toBe(200);
    expect((await t.deps.database.raw(open, [plan.id])).rows[0].n).toBe(0);
    // a status update alone keeps the owner's approval
    expect((await operatorX.get(`/api/risks/${risk.id}`)).body.approvalStatus).toBe('setuju');
  });

  it('[E1] deleting and restoring a risk keeps its history', async () => {
    const r = await operatorX.post('/api/risks', riskBody({ event: 'Risiko sementara' }));
    expect((await operatorX.del(`/api/risks/${r.body.id}`)).status).toBe(200);
    expect((await operatorX.get('/api/risks?q=Risiko%20sementara')).body.total).toBe(0);
    expect((await operatorX.get('/api/risks?q=Risiko%20sementara&includeDeleted=true')).body.total).toBe(1);
    const back = await operatorX.post(`/api/risks/${r.body.id}/restore`);
    expect(back.body.deletedAt).toBeNull();
  });

  it('[E1] evidence checks judge the register, plans, approvals and monitoring from real records', async () => {
    const ctx = { tenantId, year: 2026, now: new Date('2026-04-20T00:00:00Z') };
    const by = async (key: string) => risksEvidence.find((c) => c.key === key)!.evaluate(t.deps.database.db, ctx);
    const reg = await by('risks.register_per_opd');
    expect(reg.status).toBe('partly'); // DINKES has a register, DISDUKCAPIL not
    expect(reg.detail.id).toBe('1 dari 2 OPD memiliki register risiko 2026.');
    const planned = await by('risks.treatment_planned');
    expect(planned.status).toBe('partly');
    expect(planned.records.map((r) => r.label)).toContain('R-2026-001 Server SIMPEG terenkripsi ransomware');
    const approved = await by('risks.treatment_approved');
    expect(approved.status).toBe('partly');
    expect(approved.records).toHaveLength(1);
    const monitored = await by('risks.monitoring_done');
    expect(monitored.status).toBe('met');
    expect(monitored.records[0].href).toMatch(/^\/risiko\//);
    const empty = await risksEvidence[0].evaluate(t.deps.database.db, { ...ctx, year: 2030 });
    expect(empty.status).toBe('missing');
  });
});
