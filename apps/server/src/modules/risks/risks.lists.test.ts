import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { risksEvidence } from './risks.evidence.js';
import * as repo from './risks.repo.js';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

/*
 * The register list, heat map and evidence checks compute in SQL (issue 3: fast at 100,000 risks).
 * These tests pin what a user sees against a register that also holds deleted risks, another year's
 * risks and another tenant's risks: totals, order, paging, cell counts and compliance statuses.
 */

let t: TestApp;
let admin: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let tenantId: string;
let opdX: string;
let opdY: string;
const created: any[] = [];

const body = (contextId: string, l: number, i: number, event: string) => ({
  contextId,
  assetName: 'Server',
  threat: 'Ransomware',
  vulnerability: 'Patch tertunda',
  event,
  category: 'keamanan',
  area: 'layanan',
  inherentL: l,
  inherentI: i,
});

async function risk(api: ReturnType<typeof client>, contextId: string, l: number, i: number, event: string) {
  const res = await api.post('/api/risks', body(contextId, l, i, event));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The register's default order as a user reads it: score, inherent score, OPD name, code. */
const byDefaultOrder = (a: any, b: any) =>
  b.current.score - a.current.score || b.inherent.score - a.inherent.score || a.opdName.localeCompare(b.opdName) || a.code.localeCompare(b.code);

let active2026: any[];
let deleted: any;
let lastYear: any[];

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  admin = client(t, await login(t, a.email));
  opdX = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  opdY = (await admin.post('/api/opds', { code: '5.01', name: 'Badan Keuangan', shortName: 'BKD' })).body.id;
  const opdZ = (await admin.post('/api/opds', { code: '2.12', name: 'Dinas Sosial', shortName: 'DINSOS' })).body.id;
  const cx = (await admin.post('/api/risk-contexts', { opdId: opdX, year: 2026, appetiteDefault: 10 })).body.id;
  const cy = (await admin.post('/api/risk-contexts', { opdId: opdY, year: 2026, appetiteDefault: 10 })).body.id;
  const cx25 = (await admin.post('/api/risk-contexts', { opdId: opdX, year: 2025, appetiteDefault: 10 })).body.id;
  // Dinas Sosial has a 2026 context but no risk in it: no register yet.
  expect((await admin.post('/api/risk-contexts', { opdId: opdZ, year: 2026, appetiteDefault: 10 })).status).toBe(200);
  for (const [l, i, e] of [[5, 4, 'X1'], [5, 4, 'X2'], [2, 2, 'X3'], [4, 5, 'X4'], [1, 1, 'X5'], [3, 3, 'X6']] as const) created.push(await risk(admin, cx, l, i, e));
  for (const [l, i, e] of [[5, 4, 'Y1'], [4, 5, 'Y2'], [2, 3, 'Y3']] as const) created.push(await risk(admin, cy, l, i, e));
  lastYear = [await risk(admin, cx25, 5, 5, 'L1'), await risk(admin, cx25, 3, 3, 'L2')];
  deleted = created.find((r) => r.event === 'X4');
  expect((await admin.del(`/api/risks/${deleted.id}`)).status).toBe(200);
  active2026 = created.filter((r) => r !== deleted);

  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
  const ob = (await other.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  const cb = (await other.post('/api/risk-contexts', { opdId: ob, year: 2026, appetiteDefault: 10 })).body.id;
  await risk(other, cb, 5, 5, 'B1');
  await risk(other, cb, 5, 5, 'B2');
}, 120_000);
afterAll(() => t?.stop());

describe('risk lists and heat map computed in SQL', () => {
  it('[E1] lists the year in score order page by page, totals without deleted, other years or other tenants', async () => {
    const expected = [...active2026].sort(byDefaultOrder);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await admin.get(`/api/risks?year=2026&page=${page}&pageSize=3`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(8);
      pages.push(...res.body.items);
    }
    expect(pages.map((r: any) => r.event)).toEqual(expected.map((r) => r.event));
    // ties on score are broken by OPD name: Badan Keuangan before Dinas Kesehatan
    expect(pages.slice(0, 3).map((r: any) => r.event)).toEqual(['Y2', 'Y1', 'X1']);

    const need = await admin.get('/api/risks?year=2026&needsTreatment=true&pageSize=25');
    expect(need.body.total).toBe(active2026.filter((r) => r.needsTreatment).length);
    expect(need.body.items.map((r: any) => r.event)).toEqual(expected.filter((r) => r.needsTreatment).map((r) => r.event));
    // the search also matches the OPD name (the count then joins the OPD)
    const badan = await admin.get('/api/risks?year=2026&q=Badan%20Keuangan');
    expect(badan.body.total).toBe(3);
    expect(badan.body.items.map((r: any) => r.event)).toEqual(['Y2', 'Y1', 'Y3']);
    expect((await admin.get('/api/risks?year=2026&includeDeleted=true')).body.total).toBe(9);
    expect((await admin.get('/api/risks')).body.total).toBe(10);
    expect((await other.get('/api/risks?year=2026')).body.total).toBe(2);
    // a sort the user picks, with its own paging
    const byCode = await admin.get(`/api/risks?year=2026&opdId=${opdX}&sort=code&dir=desc&pageSize=2&page=2`);
    expect(byCode.body.total).toBe(5);
    expect(byCode.body.items.map((r: any) => r.code)).toEqual(['R-2026-003', 'R-2026-002']);
  });

  it('[E1] priority and treatment count are those of each row on the page', async () => {
    const items = (await admin.get('/api/risks?year=2026&pageSize=25')).body.items;
    for (const r of items) {
      const higher = active2026.filter((o) => o.contextId === r.contextId && o.current.score > r.current.score).length;
      expect(r.priority, r.event).toBe(higher + 1);
      expect(r.treatmentCount).toBe(0);
    }
  });

  it('[E1] heat map counts each cell once, with the top ten of the list and no deleted or foreign risks', async () => {
    const heat = (await admin.get('/api/risks/heatmap?year=2026')).body;
    expect(heat.total).toBe(8);
    for (const row of heat.cells)
      for (const cell of row) {
        const n = active2026.filter((r) => r.current.likelihood === cell.likelihood && r.current.impact === cell.impact).length;
        expect(cell.count, `${cell.likelihood}×${cell.impact}`).toBe(n);
      }
    expect(heat.byLevel.reduce((a: number, b: any) => a + b.count, 0)).toBe(8);
    const list = (await admin.get('/api/risks?year=2026&pageSize=10')).body.items;
    expect(heat.top.map((r: any) => r.id)).toEqual(list.map((r: any) => r.id));
    const y = (await admin.get(`/api/risks/heatmap?year=2026&opdId=${opdY}&basis=inherent`)).body;
    expect(y.total).toBe(3);
    expect(y.cells[3][4].count).toBe(1); // Y2: likelihood 4, impact 5
    expect((await admin.get('/api/risks/heatmap?year=2025')).body.total).toBe(2);
    expect((await other.get('/api/risks/heatmap?year=2026')).body.total).toBe(2);
  });

  it('[E1] a register larger than the count cap says "N+" and still pages; smaller ones are counted exactly', async () => {
    const exact = (await admin.get('/api/risks?year=2026&pageSize=2')).body;
    expect(exact).toMatchObject({ total: active2026.length, totalCapped: false });
    const db = t.deps.database.db;
    const capped = await repo.listRisks(db, tenantId, { year: 2026, page: 2, pageSize: 2, countCap: 3 }, 'all');
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    // the page itself is the same as the uncapped one
    const page2 = (await admin.get('/api/risks?year=2026&pageSize=2&page=2')).body.items.map((r: any) => r.id);
    expect(capped.items.map((r) => r.risk.id)).toEqual(page2);
    expect(await repo.listRisks(db, tenantId, { year: 2026, page: 1, pageSize: 2, countCap: 100 }, 'all')).toMatchObject({ total: active2026.length, totalCapped: false });
  });

  it('[E1] heat maps requested together get the same correct counts', async () => {
    const one = (await admin.get('/api/risks/heatmap?year=2026')).body;
    const together = await Promise.all(Array.from({ length: 8 }, (_, k) => admin.get(k % 2 ? '/api/risks/heatmap?year=2026' : `/api/risks/heatmap?year=2026&opdId=${opdY}`)));
    for (const [k, r] of together.entries()) {
      expect(r.status).toBe(200);
      if (k % 2) expect(r.body).toEqual(one);
      else expect(r.body.total).toBe(active2026.filter((x) => x.opdId === opdY).length);
    }
  });

  it('[E1] [R-REG] evidence statuses follow the records; without records the status and text are the same', async () => {
    const ctx = { tenantId, year: 2026, now: new Date('2026-03-10T03:00:00Z') };
    const check = (key: string, withRecords = true) => risksEvidence.find((c) => c.key === key)!.evaluate(t.deps.database.db, { ...ctx, withRecords });
    const both = async (key: string) => {
      const [full, bare] = await Promise.all([check(key), check(key, false)]);
      expect({ ...bare, records: undefined }).toEqual({ ...full, records: undefined });
      // the per-risk lists are skipped when not wanted (the register check lists OPDs, a short list, always)
      if (key !== 'risks.register_per_opd') expect(bare.records).toEqual([]);
      return full;
    };
    const needing = active2026.filter((r) => r.needsTreatment);
    const reg = await both('risks.register_per_opd');
    expect(reg.status).toBe('partly');
    expect(reg.detail.id).toBe('2 dari 3 OPD memiliki register risiko 2026.');
    expect(reg.records.map((r) => r.label)).toEqual(['Dinas Kesehatan 2026', 'Badan Keuangan 2026']); // by OPD code

    expect((await both('risks.treatment_planned')).status).toBe('missing');
    const x1 = active2026.find((r) => r.event === 'X1');
    const plan = await admin.post(`/api/risks/${x1.id}/treatments`, { option: 'mitigate', action: 'Patch', startDate: '2026-03-01', endDate: '2026-03-31' });
    expect(plan.status).toBe(200);
    // a plan on last year's risk does not count for 2026
    expect((await admin.post(`/api/risks/${lastYear[0].id}/treatments`, { option: 'mitigate', action: 'Patch', endDate: '2026-03-20' })).status).toBe(200);
    const planned = await both('risks.treatment_planned');
    expect(planned.status).toBe('partly');
    expect(planned.detail.id).toBe(`1 dari ${needing.length} risiko yang perlu ditangani tahun 2026 memiliki rencana penanganan.`);
    expect(planned.records.map((r) => r.id)).toEqual([x1.id]);

    const unmonitored = await both('risks.monitoring_done');
    expect(unmonitored).toMatchObject({ status: 'missing', validUntil: '2026-03-31' });
    expect((await admin.post(`/api/risks/${x1.id}/monitorings`, { date: '2026-03-05', realisation: 'Patch berjalan', currentL: 4, currentI: 4 })).status).toBe(200);
    const monitored = await both('risks.monitoring_done');
    // all monitored, but the open plan ends within 30 days
    expect(monitored).toMatchObject({ status: 'due_soon', validUntil: '2026-03-31' });
    expect(monitored.detail.en).toBe('1 of 1 risks with a treatment plan were monitored in 2026.');

    expect((await both('risks.treatment_approved')).status).toBe('missing');
    expect((await admin.post(`/api/risks/${active2026.find((r) => r.event === 'Y3').id}/approval`, { status: 'setuju' })).status).toBe(200);
    const approved = await both('risks.treatment_approved');
    expect(approved.detail.en).toBe('1 of 8 risks of 2026 are approved by the risk owner.');
    expect(approved.status).toBe('partly');

    // deleting the planned risk takes its plan and monitoring out of the evidence
    expect((await admin.del(`/api/risks/${x1.id}`)).status).toBe(200);
    expect((await both('risks.treatment_planned')).detail.en).toBe(`0 of ${needing.length - 1} risks needing treatment in 2026 have a treatment plan.`);
    expect(await both('risks.monitoring_done')).toMatchObject({ status: 'missing', validUntil: null });
    expect((await admin.post(`/api/risks/${x1.id}/restore`)).status).toBe(200);
    expect((await both('risks.monitoring_done')).status).toBe('due_soon');
  });

  it('[R-REG] the dashboard (statuses only) totals what the compliance view shows per regulation', async () => {
    const regs = (await admin.get('/api/regulations?pageSize=50')).body.items;
    for (const r of regs) expect((await admin.put(`/api/regulations/${r.id}/binding`, { bound: true })).status).toBe(200);
    const [dash, view] = await Promise.all([admin.get('/api/compliance/dashboard'), admin.get('/api/compliance')]);
    expect(dash.status).toBe(200);
    expect(view.status).toBe(200);
    expect(dash.body.regulations).toHaveLength(view.body.length);
    const sum = (k: string) => view.body.reduce((a: number, r: any) => a + r.counts[k], 0);
    for (const k of ['met', 'due_soon', 'partly', 'missing', 'total']) expect(dash.body.totals[k], k).toBe(sum(k));
    for (const r of view.body) expect(dash.body.regulations.find((d: any) => d.regulation.id === r.regulation.id).status).toBe(r.status);
    // the view still lists the records a status rests on
    const obligations = view.body.flatMap((r: any) => r.articles.flatMap((a: any) => a.obligations));
    const planned = obligations.find((o: any) => o.evidenceKey === 'risks.treatment_planned');
    if (planned) expect(planned.records.map((r: any) => r.href)).toEqual([`/risiko/${active2026.find((r) => r.event === 'X1').id}`]);
  });
});
