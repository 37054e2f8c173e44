import type { TCertEvaluationInput, TProviderAgreementInput, TProviderAgreement, TEvaluation } from '@persada/shared';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import { certEvaluations, certProviderAgreements } from '../../db/schema/index.js';
import { certPolicy as policy } from './certificates.policy.js';
import type { RegistryService } from './registry.service.js';

const agreementDto = (r: typeof certProviderAgreements.$inferSelect): TProviderAgreement => ({
  id: r.id,
  provider: r.provider,
  agreementNumber: r.agreementNumber,
  signedOn: String(r.signedOn),
  validUntil: r.validUntil ? String(r.validUntil) : null,
  notes: r.notes,
  createdAt: r.createdAt.toISOString(),
});
const evaluationDto = (r: typeof certEvaluations.$inferSelect): TEvaluation => ({
  id: r.id,
  year: r.year,
  letterNumber: r.letterNumber,
  reportedToHeadAt: r.reportedToHeadAt ? String(r.reportedToHeadAt) : null,
  reportedToBssnAt: r.reportedToBssnAt ? String(r.reportedToBssnAt) : null,
  summary: r.summary,
  createdAt: r.createdAt.toISOString(),
});

/** The RA's agreement with the provider (K1) and the yearly evaluation report (K13). */
export class OversightService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly registry: RegistryService,
  ) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  async listAgreements(actor: Actor) {
    policy.readAny(actor);
    const rows = await this.db
      .select()
      .from(certProviderAgreements)
      .where(and(eq(certProviderAgreements.tenantId, actor.tenantId), isNull(certProviderAgreements.deletedAt)))
      .orderBy(desc(certProviderAgreements.signedOn));
    return rows.map(agreementDto);
  }
  async saveAgreement(actor: Actor, input: TProviderAgreementInput, id?: string) {
    policy.dinas(actor);
    const values = {
      provider: input.provider,
      agreementNumber: input.agreementNumber,
      signedOn: input.signedOn,
      validUntil: input.validUntil ?? null,
      notes: (input.notes as string | null | undefined) ?? null,
    };
    return this.db.transaction(async (tx) => {
      if (id) {
        const [before] = await tx
          .select()
          .from(certProviderAgreements)
          .where(and(eq(certProviderAgreements.tenantId, actor.tenantId), eq(certProviderAgreements.id, id), isNull(certProviderAgreements.deletedAt)));
        if (!before) throw notFound();
        const [after] = await tx
          .update(certProviderAgreements)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(certProviderAgreements.id, id))
          .returning();
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'cert_provider_agreement',
          entityId: id,
          before,
          after,
        });
        return agreementDto(after);
      }
      const [row] = await tx
        .insert(certProviderAgreements)
        .values({
          ...values,
          tenantId: actor.tenantId,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'cert_provider_agreement',
        entityId: row.id,
        after: row,
      });
      return agreementDto(row);
    });
  }

  async listEvaluations(actor: Actor) {
    policy.readAny(actor);
    const rows = await this.db.select().from(certEvaluations).where(eq(certEvaluations.tenantId, actor.tenantId)).orderBy(desc(certEvaluations.year));
    return rows.map(evaluationDto);
  }
  /** Records (or updates) the yearly report with a snapshot of the figures. */
  async saveEvaluation(actor: Actor, year: number, input: TCertEvaluationInput) {
    policy.dinas(actor);
    const figures = await this.registry.statistics.usage(actor, year);
    return this.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(certEvaluations)
        .where(and(eq(certEvaluations.tenantId, actor.tenantId), eq(certEvaluations.year, year)));
      const values = {
        letterNumber: input.letterNumber,
        reportedToHeadAt: input.reportedToHeadAt ?? null,
        reportedToBssnAt: input.reportedToBssnAt ?? null,
        summary: (input.summary as string | null | undefined) ?? null,
        figures,
      };
      const [row] = before
        ? await tx
            .update(certEvaluations)
            .set({ ...values, updatedAt: new Date() })
            .where(eq(certEvaluations.id, before.id))
            .returning()
        : await tx
            .insert(certEvaluations)
            .values({
              ...values,
              tenantId: actor.tenantId,
              year,
              createdBy: actor.userId,
            })
            .returning();
      await recordAudit(tx, actor, {
        action: before ? 'update' : 'create',
        entity: 'cert_evaluation',
        entityId: row.id,
        before,
        after: row,
      });
      return evaluationDto(row);
    });
  }
}
