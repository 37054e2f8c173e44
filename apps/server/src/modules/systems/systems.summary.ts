import { sql } from 'drizzle-orm';
import type { TSystemsSummary } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Actor } from '../../platform/context/actor.js';
import { notFound } from '../../platform/http/errors.js';
import * as orgRepo from '../org/org.repo.js';
import { systemsPolicy as policy } from './systems.policy.js';

type Row = { category: string | null; status: string; outside: boolean; n: number | string };

/**
 * Counts of the tenant's active applications (not deleted, not retired) by latest categorization
 * (the newest row of sys_categorizations per application), by status and by hosting outside the
 * data centre. `scope` is 'all' or the OPD ids the caller may read; `opdId` narrows further.
 */
export async function summaryCounts(db: DbOrTx, tenantId: string, scope: 'all' | string[], opdId?: string): Promise<TSystemsSummary> {
  const empty: TSystemsSummary = {
    total: 0,
    byCategory: { strategis: 0, tinggi: 0, rendah: 0, uncategorized: 0 },
    byStatus: { planned: 0, development: 0, operational: 0 },
    outsideDataCentre: 0,
  };
  if (scope !== 'all' && scope.length === 0) return empty;
  const scoped =
    scope === 'all'
      ? sql``
      : sql`and a.opd_id in (${sql.join(
          scope.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select cat.category, a.status, not a.hosted_in_data_centre as outside, count(*)::int as n
      from sys_applications a
      left join lateral (
        select c.category from sys_categorizations c
        where c.tenant_id = a.tenant_id and c.application_id = a.id
        order by c.assessed_on desc, c.created_at desc limit 1
      ) cat on true
      where a.tenant_id = ${tenantId} and a.deleted_at is null and a.status <> 'retired'
        ${scoped} ${opdId ? sql`and a.opd_id = ${opdId}::uuid` : sql``}
      group by 1, 2, 3`),
  );
  const out = structuredClone(empty);
  for (const r of rows) {
    const n = Number(r.n);
    out.total += n;
    const cat = (r.category ?? 'uncategorized') as keyof TSystemsSummary['byCategory'];
    if (cat in out.byCategory) out.byCategory[cat] += n;
    if (r.status in out.byStatus) out.byStatus[r.status as keyof TSystemsSummary['byStatus']] += n;
    if (r.outside) out.outsideDataCentre += n;
  }
  return out;
}

/** GET /api/systems/summary — OPD-scoped; an OPD outside the caller's scope is 403. */
export async function systemsSummary(db: DbOrTx, actor: Actor, q: { opdId?: string }): Promise<TSystemsSummary> {
  policy.read(actor);
  if (q.opdId) {
    const opd = await orgRepo.getOpd(db, actor.tenantId, q.opdId);
    if (!opd) throw notFound();
    policy.readIn(actor, q.opdId);
  }
  return summaryCounts(db, actor.tenantId, policy.readScope(actor), q.opdId);
}
