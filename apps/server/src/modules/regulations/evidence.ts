import { sql } from 'drizzle-orm';
import type { Bilingual } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { EvidenceContext, EvidenceResult } from '../../platform/compliance/evidence.js';

/** An evidence check as the evaluator sees it (module checks and this module's own). */
export type ComplianceCheck = {
  key: string;
  label: Bilingual;
  evaluate(db: DbOrTx, ctx: EvidenceContext): Promise<EvidenceResult>;
};

/** A1/JBI-35 P9: the Pemda has designated the Dinas that runs persandian. */
export const persandianDinasCheck: ComplianceCheck = {
  key: 'org.persandian_dinas_designated',
  label: { id: 'Dinas penyelenggara persandian ditetapkan', en: 'The Dinas running persandian is designated' },
  async evaluate(db, ctx) {
    const rows = rowsOf<{ id: string; name: string }>(
      await db.execute(sql`select id, name from opds where tenant_id = ${ctx.tenantId} and is_persandian_dinas and deleted_at is null order by code`),
    );
    if (!rows.length)
      return {
        status: 'missing',
        detail: { id: 'Belum ada OPD yang ditandai sebagai Dinas penyelenggara persandian.', en: 'No OPD is marked as the Dinas running persandian.' },
        records: [],
      };
    return {
      status: 'met',
      detail: { id: `${rows[0].name} ditetapkan sebagai Dinas penyelenggara persandian.`, en: `${rows[0].name} is designated to run persandian.` },
      records: rows.map((r) => ({ entity: 'opd', id: r.id, label: r.name, href: `/organisasi/opd/${r.id}` })),
    };
  },
};

/** A2/B6: every active OPD has a head in office (the members of the technical team). */
export const opdHeadsCheck: ComplianceCheck = {
  key: 'org.opd_heads_assigned',
  label: { id: 'Setiap OPD memiliki kepala definitif', en: 'Every OPD has a head in office' },
  async evaluate(db, ctx) {
    const rows = rowsOf<{ id: string; name: string; has_head: boolean }>(
      await db.execute(sql`select o.id, o.name, exists (
          select 1 from positions pos join position_holders h on h.position_id = pos.id and h.end_date is null
          where pos.opd_id = o.id and pos.is_head and pos.deleted_at is null) as has_head
        from opds o where o.tenant_id = ${ctx.tenantId} and o.deleted_at is null order by o.code`),
    );
    const withHead = rows.filter((r) => r.has_head);
    const status = !rows.length || !withHead.length ? 'missing' : withHead.length === rows.length ? 'met' : 'partly';
    return {
      status,
      detail: {
        id: `${withHead.length} dari ${rows.length} OPD memiliki kepala yang menjabat.`,
        en: `${withHead.length} of ${rows.length} OPDs have a head in office.`,
      },
      records: withHead.map((r) => ({ entity: 'opd', id: r.id, label: r.name, href: `/organisasi/opd/${r.id}` })),
    };
  },
};

export const ownChecks: ComplianceCheck[] = [persandianDinasCheck, opdHeadsCheck];
