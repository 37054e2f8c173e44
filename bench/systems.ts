/**
 * Benchmark data helper for the systems module: inserts N applications (with a categorization
 * for every third one) for a tenant in one round trip per 5,000 rows, using unnest() over
 * parameter arrays. Not wired into bench/run.ts; call it from a scenario that needs the data.
 */
import type pg from 'pg';

const KINDS = ['umum', 'khusus'] as const;
const STATUSES = ['planned', 'development', 'operational', 'retired'] as const;
const CLASSES = ['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] as const;
const NAMES = ['SIMPEG', 'e-Kinerja', 'SIPD', 'SIMRS', 'e-Office', 'Portal', 'e-Musrenbang', 'SiCantik', 'PPDB', 'SIAK'];

export async function insertApplications(client: pg.Client | pg.PoolClient, tenantId: string, opdIds: string[], n: number): Promise<string[]> {
  if (!opdIds.length) throw new Error('insertApplications needs at least one OPD id');
  const ids: string[] = [];
  const chunk = 5_000;
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const opd: string[] = [];
    const name: string[] = [];
    const kind: string[] = [];
    const status: string[] = [];
    const cls: string[] = [];
    const hosted: boolean[] = [];
    for (let i = 0; i < size; i++) {
      const k = start + i;
      opd.push(opdIds[k % opdIds.length]);
      name.push(`${NAMES[k % NAMES.length]} ${k + 1}`);
      kind.push(KINDS[k % KINDS.length]);
      status.push(STATUSES[k % STATUSES.length]);
      cls.push(CLASSES[k % CLASSES.length]);
      hosted.push(k % 7 !== 0);
    }
    const res = await client.query<{ id: string }>(
      `insert into sys_applications (tenant_id, opd_id, name, kind, status, data_classification, hosted_in_data_centre, purpose)
       select $1, o, nm, kd, st, cl, h, 'Aplikasi uji beban'
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) as t(o, nm, kd, st, cl, h)
       returning id`,
      [tenantId, opd, name, kind, status, cls, hosted],
    );
    ids.push(...res.rows.map((r) => r.id));
  }
  // every third application gets a categorization (score 20, "tinggi")
  const categorized = ids.filter((_, i) => i % 3 === 0);
  for (let s = 0; s < categorized.length; s += 5_000) {
    await client.query(
      `insert into sys_categorizations (tenant_id, application_id, answers, score, category, assessed_on, assessor_label)
       select $1, a, '["B","B","B","B","B","B","B","B","B","B"]'::jsonb, 20, 'tinggi', current_date, 'bench'
       from unnest($2::uuid[]) as a`,
      [tenantId, categorized.slice(s, s + 5_000)],
    );
  }
  return ids;
}
