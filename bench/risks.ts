/**
 * Bulk data for benchmarking the risk register (E1): one context per OPD for a year and N risks
 * spread round-robin over them, written by one INSERT … SELECT over generate_series so that
 * 100 000 rows take seconds. Scores come from the national lookup matrix (risks.defaults.ts).
  * Arrays go in as comma-joined text (drizzle would expand a JS array into a tuple).
 * Not wired into run.ts; call it from a scenario: `await bulkInsertRisks(db, { tenantId, opdIds, n })`.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../apps/server/src/db/client.js';
import { rowsOf } from '../apps/server/src/db/rows.js';
import { nationalRiskDefaults } from '../apps/server/src/modules/risks/risks.defaults.js';

export type BulkRisksOptions = { tenantId: string; opdIds: string[]; n: number; year?: number };

export async function bulkInsertRisks(db: DbOrTx, o: BulkRisksOptions): Promise<{ contexts: number; risks: number }> {
  const year = o.year ?? 2026;
  const s = nationalRiskDefaults();
  const matrix = JSON.stringify(s.matrix);
  const categories = s.categories.map((c) => c.code);
  const areas = s.areas.map((a) => a.code);
  await db.execute(sql`insert into risk_settings (tenant_id, config) values (${o.tenantId}, ${JSON.stringify(s)}::jsonb) on conflict do nothing`);
  await db.execute(sql`insert into risk_contexts (tenant_id, opd_id, year, scope, appetite_default)
    select ${o.tenantId}, x.opd, ${year}, 'Layanan SPBE (data uji beban)', ${s.defaultAppetite}
    from unnest(string_to_array(${o.opdIds.join(',')}, ',')::uuid[]) as x(opd)
    on conflict do nothing`);
  const ctx = rowsOf<{ id: string; opd_id: string }>(
    await db.execute(sql`select id, opd_id from risk_contexts where tenant_id = ${o.tenantId} and year = ${year} and deleted_at is null order by opd_id`),
  );
  if (!ctx.length || o.n <= 0) return { contexts: ctx.length, risks: 0 };
  await db.execute(sql`
    with c as materialized (select rc.id, rc.opd_id, row_number() over (order by rc.opd_id) - 1 as k, count(*) over () as total,
                 (select coalesce(max(seq), 0) from risks r where r.context_id = rc.id) as base
               from risk_contexts rc where rc.tenant_id = ${o.tenantId} and rc.year = ${year} and rc.deleted_at is null),
    g as (select i, 1 + (i * 7) % 5 as l, 1 + (i * 11) % 5 as im, 1 + (i * 3) % 5 as cl from generate_series(0, ${o.n - 1}) as i),
    rows as (
      select g.*, c.id as context_id, c.opd_id,
        (${matrix}::jsonb -> (g.l - 1) ->> (g.im - 1))::int as inh,
        (${matrix}::jsonb -> (least(g.l, g.cl) - 1) ->> (g.im - 1))::int as cur,
        (string_to_array(${categories.join(',')}, ','))[1 + g.i % ${categories.length}] as category,
        (string_to_array(${areas.join(',')}, ','))[1 + g.i % ${areas.length}] as area,
        c.base + 1 + g.i / c.total as seq
      from g join c on c.k = g.i % c.total
    )
    insert into risks (tenant_id, context_id, opd_id, year, seq, kind, asset_name, threat, vulnerability, event, category, area,
      inherent_l, inherent_i, inherent_score, current_l, current_i, current_score, needs_treatment_auto, needs_treatment)
    select ${o.tenantId}, context_id, opd_id, ${year}, seq, 'negative', 'Server aplikasi ' || i, 'Ransomware', 'Patch tertunda',
      'Layanan terganggu akibat insiden ' || i, category, area, l, im, inh, least(l, cl), im, cur, cur > ${s.defaultAppetite}, cur > ${s.defaultAppetite}
    from rows`);
  return { contexts: ctx.length, risks: o.n };
}
