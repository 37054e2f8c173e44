import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { opds, riskContexts, riskMonitorings, riskTreatments, risks } from '../../db/schema/index.js';
import type { EvidenceCheck, EvidenceResult, EvidenceStatus } from '../../platform/compliance/evidence.js';
import { riskCode } from './risks.dto.js';

const ratio = (done: number, total: number): EvidenceStatus => (total === 0 || done === 0 ? 'missing' : done >= total ? 'met' : 'partly');

/** Active risks of the year with the facts the checks need. */
async function yearRisks(db: DbOrTx, tenantId: string, year: number) {
  return db
    .select({
      id: risks.id,
      seq: risks.seq,
      year: risks.year,
      event: risks.event,
      needsTreatment: risks.needsTreatment,
      approvalStatus: risks.approvalStatus,
      plans: sql<number>`(select count(*)::int from ${riskTreatments} t where t.risk_id = "risks"."id" and t.deleted_at is null and t.status <> 'cancelled')`,
      monitorings: sql<number>`(select count(*)::int from ${riskMonitorings} m where m.risk_id = "risks"."id" and m.deleted_at is null)`,
      nextEnd: sql<string | null>`(select min(t.end_date)::text from ${riskTreatments} t where t.risk_id = "risks"."id" and t.deleted_at is null and t.status in ('planned','in_progress'))`,
    })
    .from(risks)
    .where(and(eq(risks.tenantId, tenantId), eq(risks.year, year), isNull(risks.deletedAt)));
}

const rec = (r: { id: string; seq: number; year: number; event: string }) => ({ entity: 'risk', id: r.id, label: `${riskCode(r.year, r.seq)} ${r.event}`, href: `/risiko/${r.id}` });

/** Evidence for E1 (MJK-40 P15): register per OPD, treatment planned/approved, monitoring done. */
export const risksEvidence: EvidenceCheck[] = [
  {
    key: 'risks.register_per_opd',
    label: { id: 'Setiap Perangkat Daerah memiliki register risiko', en: 'Every OPD has a risk register' },
    async evaluate(db, ctx): Promise<EvidenceResult> {
      const rows = await db
        .select({
          id: opds.id,
          name: opds.name,
          ctxId: riskContexts.id,
          n: sql<number>`(select count(*)::int from ${risks} r where r.context_id = "risk_contexts"."id" and r.deleted_at is null)`,
        })
        .from(opds)
        .leftJoin(riskContexts, and(eq(riskContexts.opdId, opds.id), eq(riskContexts.year, ctx.year), isNull(riskContexts.deletedAt)))
        .where(and(eq(opds.tenantId, ctx.tenantId), isNull(opds.deletedAt)));
      const withRegister = rows.filter((r) => r.ctxId && Number(r.n) > 0);
      return {
        status: ratio(withRegister.length, rows.length),
        detail: {
          id: `${withRegister.length} dari ${rows.length} OPD memiliki register risiko ${ctx.year}.`,
          en: `${withRegister.length} of ${rows.length} OPDs have a ${ctx.year} risk register.`,
        },
        records: withRegister.map((r) => ({ entity: 'risk_context', id: r.ctxId!, label: `${r.name} ${ctx.year}`, href: `/risiko?opdId=${r.id}&year=${ctx.year}` })),
      };
    },
  },
  {
    key: 'risks.treatment_planned',
    label: { id: 'Risiko di atas selera risiko memiliki rencana penanganan', en: 'Risks above appetite have a treatment plan' },
    async evaluate(db, ctx) {
      const all = (await yearRisks(db, ctx.tenantId, ctx.year)).filter((r) => r.needsTreatment);
      const planned = all.filter((r) => Number(r.plans) > 0);
      return {
        status: ratio(planned.length, all.length),
        detail: {
          id: `${planned.length} dari ${all.length} risiko yang perlu ditangani tahun ${ctx.year} memiliki rencana penanganan.`,
          en: `${planned.length} of ${all.length} risks needing treatment in ${ctx.year} have a treatment plan.`,
        },
        records: planned.map(rec),
      };
    },
  },
  {
    key: 'risks.treatment_approved',
    label: { id: 'Penilaian dan penanganan risiko disetujui pemilik risiko', en: 'Risk assessments and treatments approved by the risk owner' },
    async evaluate(db, ctx) {
      const all = await yearRisks(db, ctx.tenantId, ctx.year);
      const ok = all.filter((r) => r.approvalStatus === 'setuju');
      return {
        status: ratio(ok.length, all.length),
        detail: {
          id: `${ok.length} dari ${all.length} risiko tahun ${ctx.year} telah disetujui pemilik risiko.`,
          en: `${ok.length} of ${all.length} risks of ${ctx.year} are approved by the risk owner.`,
        },
        records: ok.map(rec),
      };
    },
  },
  {
    key: 'risks.monitoring_done',
    label: { id: 'Pemantauan penanganan risiko dilakukan secara berkala', en: 'Risk treatment is monitored periodically' },
    async evaluate(db, ctx) {
      const all = (await yearRisks(db, ctx.tenantId, ctx.year)).filter((r) => Number(r.plans) > 0);
      const monitored = all.filter((r) => Number(r.monitorings) > 0);
      let status = ratio(monitored.length, all.length);
      const today = ctx.now.toISOString().slice(0, 10);
      const soon = new Date(ctx.now.getTime() + 30 * 86400_000).toISOString().slice(0, 10);
      const nextEnd = all.map((r) => r.nextEnd).filter((d): d is string => !!d && d >= today).sort()[0] ?? null;
      if (status === 'met' && nextEnd && nextEnd <= soon) status = 'due_soon';
      return {
        status,
        detail: {
          id: `${monitored.length} dari ${all.length} risiko yang memiliki rencana penanganan telah dipantau pada ${ctx.year}.`,
          en: `${monitored.length} of ${all.length} risks with a treatment plan were monitored in ${ctx.year}.`,
        },
        records: monitored.map(rec),
        validUntil: nextEnd,
      };
    },
  },
];
