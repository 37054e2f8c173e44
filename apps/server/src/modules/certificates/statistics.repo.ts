import { and, count, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import {
  certApplications,
  certCertificates,
  opds,
} from '../../db/schema/index.js';
import { type OpdFilter } from './certificates.repo-common.js';

// Yearly usage figures (K13)
export const usageByOpd = async (db: DbOrTx, tenantId: string, year: number, scope: OpdFilter) => {
  const start = new Date(`${year}-01-01T00:00:00+07:00`);
  const end = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const now = new Date();
  const asOf = end < now ? end : now;
  return rowsOf<{
    opdId: string;
    opdName: string;
    issued: number;
    active: number;
    revoked: number;
    expired: number;
    renewed: number;
  }>(
    await db.execute(sql`select o.id as "opdId", o.name as "opdName",
        count(c.id) filter (where c.created_at >= ${start} and c.created_at < ${end})::int as issued,
        count(c.id) filter (where c.created_at < ${asOf} and c.not_after > ${asOf} and (c.revoked_at is null or c.revoked_at >= ${asOf}))::int as active,
        count(c.id) filter (where c.revoked_at >= ${start} and c.revoked_at < ${end})::int as revoked,
        count(c.id) filter (where c.not_after >= ${start} and c.not_after < ${asOf} and (c.revoked_at is null or c.revoked_at > c.not_after))::int as expired,
        count(c.id) filter (where c.created_at >= ${start} and c.created_at < ${end} and a.renewal_of_id is not null)::int as renewed
      from ${opds} o
      left join ${certCertificates} c on c.opd_id = o.id and c.tenant_id = o.tenant_id
      left join ${certApplications} a on a.id = c.application_id
      where o.tenant_id = ${tenantId} and o.deleted_at is null ${
        scope === 'all'
          ? sql``
          : scope.length
            ? sql`and o.id in (${sql.join(
                scope.map((s) => sql`${s}`),
                sql`, `,
              )})`
            : sql`and false`
      }
      group by o.id, o.name, o.code order by o.code`),
  );
};
