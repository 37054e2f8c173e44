import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemsEvidence } from './systems.evidence.js';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

/*
 * The application register at scale (issue 3): the page is chosen on the sort keys, the latest
 * categorization is read per row on the page, and the evidence checks count in SQL and list at
 * most 50 records. These tests pin what a user sees with deleted, retired and foreign rows present.
 */

let t: TestApp;
let admin: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let tenantId: string;
let opd: string;
const names = Array.from({ length: 60 }, (_, i) => `Aplikasi ${String(i + 1).padStart(3, '0')}`);

const evaluate = (key: string) => systemsEvidence.find((c) => c.key === key)!.evaluate(t.deps.database.db, { tenantId, year: 2026, now: new Date() });

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  tenantId = a.tenant.id;
  admin = client(t, await login(t, a.email));
  opd = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  // 60 operational applications in one statement (the API is exercised below on a few of them)
  await t.deps.database.raw(
    `insert into sys_applications (tenant_id, opd_id, name, kind, status, data_classification, hosted_in_data_centre, purpose)
     select $1, $2, n, 'khusus', 'operational', 'biasa', true, 'Aplikasi uji' from unnest($3::text[]) as n`,
    [tenantId, opd, names],
  );
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
  const ob = (await other.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  expect((await other.post('/api/systems/applications', { opdId: ob, name: 'Aplikasi 000', kind: 'umum', status: 'operational' })).status).toBe(200);
}, 120_000);
afterAll(() => t?.stop());

const page = async (qs: string) => {
  const res = await admin.get(`/api/systems/applications?${qs}`);
  expect(res.status).toBe(200);
  return res.body;
};
const idOf = async (name: string) => (await page(`q=${encodeURIComponent(name)}`)).items[0].id as string;

describe('application register at scale', () => {
  it('[D4] lists by name page by page; deleted and other tenants’ applications are not counted', async () => {
    const del = await idOf('Aplikasi 007');
    expect((await admin.del(`/api/systems/applications/${del}`)).status).toBe(200);
    const shown = names.filter((n) => n !== 'Aplikasi 007');
    const seen: string[] = [];
    for (const p of [1, 2, 3]) {
      const body = await page(`page=${p}&pageSize=25`);
      expect(body.total).toBe(59);
      seen.push(...body.items.map((a: any) => a.name));
    }
    expect(seen).toEqual(shown);
    const desc = await page('sort=name&dir=desc&pageSize=2&page=2');
    expect(desc.items.map((a: any) => a.name)).toEqual(['Aplikasi 058', 'Aplikasi 057']);
    expect((await page('q=Aplikasi%2000&pageSize=5')).total).toBe(8); // 001–009 without 007
    expect((await page('includeDeleted=true&pageSize=1')).total).toBe(60);
  });

  it('[D12] the list shows the latest categorization by assessment date, then by entry time', async () => {
    const id = await idOf('Aplikasi 010');
    const cat = (answers: string[], assessedOn: string) => admin.post(`/api/systems/applications/${id}/categorizations`, { answers, assessedOn });
    expect((await cat(Array(10).fill('B'), '2026-01-10')).status).toBe(200); // 20, tinggi
    expect((await cat(Array(10).fill('C'), '2026-02-01')).status).toBe(200); // 10, rendah
    expect((await cat(Array(10).fill('A'), '2025-12-01')).status).toBe(200); // entered last, assessed earliest
    const row = (await page('q=Aplikasi%20010')).items[0];
    expect(row).toMatchObject({ category: 'rendah', score: 10, categorizedOn: '2026-02-01', techDocsComplete: 0 });
    // same assessment date: the later entry wins
    expect((await cat([...Array(7).fill('A'), 'B', 'B', 'C'], '2026-02-01')).status).toBe(200);
    expect((await page('q=Aplikasi%20010')).items[0]).toMatchObject({ category: 'strategis', score: 40, categorizedOn: '2026-02-01' });
    // only the page's rows are categorized by their own history
    const neighbours = (await page('q=Aplikasi%2001&pageSize=25')).items.filter((a: any) => a.name !== 'Aplikasi 010');
    expect(neighbours.every((a: any) => a.category === null && a.score === null && a.categorizedOn === null)).toBe(true);
  });

  it('[D1] [R-REG] evidence counts every application but lists at most 50, in name order', async () => {
    // one retired application is no longer judged
    const retired = await idOf('Aplikasi 060');
    const current = (await admin.get(`/api/systems/applications/${retired}`)).body;
    expect((await admin.put(`/api/systems/applications/${retired}`, { ...current, status: 'retired' })).status).toBe(200);
    const registered = await evaluate('systems.applications_registered');
    expect(registered.status).toBe('met');
    expect(registered.detail.en).toBe('58 applications are registered.');
    expect(registered.records).toHaveLength(50);
    expect(registered.records.map((r) => r.label)).toEqual(names.filter((n) => n !== 'Aplikasi 007').slice(0, 50));
    expect(registered.records[0].href).toBe(`/sistem/aplikasi/${registered.records[0].id}`);

    const categorized = await evaluate('systems.applications_categorized');
    expect(categorized.status).toBe('partly');
    expect(categorized.detail.en).toBe('1 of 58 applications are categorized.');
    // the records are what is still lacking: 50 of the 57 uncategorized ones
    expect(categorized.records).toHaveLength(50);
    expect(categorized.records.map((r) => r.label)).not.toContain('Aplikasi 010');
    expect(categorized.records[0].label).toBe('Aplikasi 001');

    const docs = await evaluate('systems.technical_docs_complete');
    expect(docs.status).toBe('missing');
    expect(docs.detail.en).toBe('0 of 58 applications have complete technical documentation.');
    const cert = await evaluate('systems.applications_with_certificate');
    expect(cert.detail.en).toBe('0 of 58 operational applications use an electronic certificate.');
  });
});
