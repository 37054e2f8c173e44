import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { EvidenceCheck, EvidenceContext, EvidenceResult, EvidenceStatus } from '../../platform/compliance/evidence.js';
import { riskCode } from './risks.dto.js';

const ratio = (done: number, total: number): EvidenceStatus => (total === 0 || done === 0 ? 'missing' : done >= total ? 'met' : 'partly');

/*
 * The checks count in SQL (one aggregate each, no rows loaded into Node) and list the records they
 * rest on only when the caller shows records (`ctx.withRecords`, not the dashboard).
 */

/** FROM and WHERE of the active risks of the context's year (alias r); callers append `and …`. */
const yearRisks = (ctx: EvidenceContext) => sql`risks r where r.tenant_id = ${ctx.tenantId} and r.year = ${ctx.year} and r.deleted_at is null`;
/**
 * The risk has a treatment plan (not deleted, not cancelled). Uncorrelated, so PostgreSQL hashes the
 * tenant's planned risk ids once instead of probing per risk.
 */
const hasPlan = (ctx: EvidenceContext) =>
  sql`r.id in (select t.risk_id from risk_treatments t where t.tenant_id = ${ctx.tenantId} and t.deleted_at is null and t.status <> 'cancelled')`;
/** The risk was monitored (an entry not deleted). */
const hasMonitoring = (ctx: EvidenceContext) => sql`r.id in (select m.risk_id from risk_monitorings m where m.tenant_id = ${ctx.tenantId} and m.deleted_at is null)`;

type YearCounts = { total: number; approved: number; needing: number; planned: number };
/** In-flight year counts per evaluation: the dashboard starts the checks together and they share one pass. */
const inflight = new WeakMap<EvidenceContext, Promise<YearCounts>>();

/** One pass over the year's active risks for the planned and approved checks. */
function yearCounts(db: DbOrTx, ctx: EvidenceContext): Promise<YearCounts> {
  let p = inflight.get(ctx);
  if (!p) {
    p = db
      .execute(
        sql`select count(*)::int as total,
            count(*) filter (where r.approval_status = 'setuju')::int as approved,
            count(*) filter (where r.needs_treatment)::int as needing,
            count(*) filter (where r.needs_treatment and ${hasPlan(ctx)})::int as planned
          from ${yearRisks(ctx)}`,
      )
      .then((res) => {
        const [row] = rowsOf<YearCounts>(res);
        return { total: Number(row.total), approved: Number(row.approved), needing: Number(row.needing), planned: Number(row.planned) };
      });
    inflight.set(ctx, p);
    // shared only while running, so a later evaluation with the same context reads fresh records
    const forget = () => inflight.delete(ctx);
    p.then(forget, forget);
  }
  return p;
}

async function records(db: DbOrTx, ctx: EvidenceContext, cond: SQL) {
  if (ctx.withRecords === false) return [];
  const rows = rowsOf<{ id: string; seq: number; year: number; event: string }>(
    await db.execute(sql`select r.id, r.seq, r.year, r.event from ${yearRisks(ctx)} and ${cond} order by r.opd_id, r.seq, r.id`),
  );
  return rows.map((r) => ({ entity: 'risk', id: r.id, label: `${riskCode(Number(r.year), Number(r.seq))} ${r.event}`, href: `/risiko/${r.id}` }));
}

/** Evidence for E1 (MJK-40 P15): register per OPD, treatment planned/approved, monitoring done. */
export const risksEvidence: EvidenceCheck[] = [
  {
    key: 'risks.register_per_opd',
    label: { id: 'Setiap Perangkat Daerah memiliki register risiko', en: 'Every OPD has a risk register' },
    async evaluate(db, ctx): Promise<EvidenceResult> {
      // Every active OPD with its context of the year (at most one) and whether that holds an active risk.
      const rows = rowsOf<{ id: string; name: string; ctx_id: string | null; has_risk: boolean }>(
        await db.execute(sql`select o.id, o.name, c.id as ctx_id,
            (c.id is not null and exists (select 1 from risks r where r.context_id = c.id and r.deleted_at is null)) as has_risk
          from opds o
          left join risk_contexts c on c.opd_id = o.id and c.year = ${ctx.year} and c.deleted_at is null
          where o.tenant_id = ${ctx.tenantId} and o.deleted_at is null
          order by o.code, o.id`),
      );
      const withRegister = rows.filter((r) => r.ctx_id && r.has_risk);
      return {
        status: ratio(withRegister.length, rows.length),
        detail: {
          id: `${withRegister.length} dari ${rows.length} OPD memiliki register risiko ${ctx.year}.`,
          en: `${withRegister.length} of ${rows.length} OPDs have a ${ctx.year} risk register.`,
        },
        records: withRegister.map((r) => ({ entity: 'risk_context', id: r.ctx_id!, label: `${r.name} ${ctx.year}`, href: `/risiko?opdId=${r.id}&year=${ctx.year}` })),
      };
    },
  },
  {
    key: 'risks.treatment_planned',
    label: { id: 'Risiko di atas selera risiko memiliki rencana penanganan', en: 'Risks above appetite have a treatment plan' },
    async evaluate(db, ctx) {
      const { needing: total, planned: done } = await yearCounts(db, ctx);
      return {
        status: ratio(done, total),
        detail: {
          id: `${done} dari ${total} risiko yang perlu ditangani tahun ${ctx.year} memiliki rencana penanganan.`,
          en: `${done} of ${total} risks needing treatment in ${ctx.year} have a treatment plan.`,
        },
        records: done ? await records(db, ctx, sql`r.needs_treatment and ${hasPlan(ctx)}`) : [],
      };
    },
  },
  {
    key: 'risks.treatment_approved',
    label: { id: 'Penilaian dan penanganan risiko disetujui pemilik risiko', en: 'Risk assessments and treatments approved by the risk owner' },
    async evaluate(db, ctx) {
      const { total, approved: done } = await yearCounts(db, ctx);
      return {
        status: ratio(done, total),
        detail: {
          id: `${done} dari ${total} risiko tahun ${ctx.year} telah disetujui pemilik risiko.`,
          en: `${done} of ${total} risks of ${ctx.year} are approved by the risk owner.`,
        },
        records: done ? await records(db, ctx, sql`r.approval_status = 'setuju'`) : [],
      };
    },
  },
  {
    key: 'risks.monitoring_done',
    label: { id: 'Pemantauan penanganan risiko dilakukan secara berkala', en: 'Risk treatment is monitored periodically' },
    async evaluate(db, ctx) {
      const today = ctx.now.toISOString().slice(0, 10);
      const soon = new Date(ctx.now.getTime() + 30 * 86400_000).toISOString().slice(0, 10);
      // Per risk with a plan: monitored or not, and the earliest end date of its open plans; the check's
      // validity is the earliest of those per-risk dates that is not past. Driven by the plans, not the risks.
      const [row] = rowsOf<{ total: number; done: number; next_end: string | null }>(
        await db.execute(sql`select count(*)::int as total,
            count(*) filter (where p.monitored)::int as done,
            (min(p.open_end) filter (where p.open_end >= ${today}::date))::text as next_end
          from (
            select r.id, ${hasMonitoring(ctx)} as monitored,
              min(t.end_date) filter (where t.status in ('planned', 'in_progress')) as open_end
            from risks r
            join risk_treatments t on t.risk_id = r.id and t.deleted_at is null and t.status <> 'cancelled'
            where r.tenant_id = ${ctx.tenantId} and r.year = ${ctx.year} and r.deleted_at is null
            group by r.id
          ) p`),
      );
      const total = Number(row.total);
      const done = Number(row.done);
      const nextEnd = row.next_end ?? null;
      let status = ratio(done, total);
      if (status === 'met' && nextEnd && nextEnd <= soon) status = 'due_soon';
      return {
        status,
        detail: {
          id: `${done} dari ${total} risiko yang memiliki rencana penanganan telah dipantau pada ${ctx.year}.`,
          en: `${done} of ${total} risks with a treatment plan were monitored in ${ctx.year}.`,
        },
        records: done ? await records(db, ctx, sql`${hasPlan(ctx)} and ${hasMonitoring(ctx)}`) : [],
        validUntil: nextEnd,
      };
    },
  },
];
