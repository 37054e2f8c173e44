import type { TCertEvaluationInput, TProviderAgreementInput, TProviderAgreement, TEvaluation } from '@persada/shared';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { DecryptionError, IntegrityError } from '../../platform/files/index.js';
import { certEvaluations, certProviderAgreements, files } from '../../db/schema/index.js';
import { getFile } from './applications.repo.js';
import { validation } from './registry.shared.js';
import { certPolicy as policy } from './certificates.policy.js';
import type { RegistryService } from './registry.service.js';

const agreementDto = (r: typeof certProviderAgreements.$inferSelect, fileName: string | null = null): TProviderAgreement => ({
  id: r.id,
  provider: r.provider,
  agreementNumber: r.agreementNumber,
  signedOn: String(r.signedOn),
  validUntil: r.validUntil ? String(r.validUntil) : null,
  notes: r.notes,
  fileName,
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

  private agreementsQuery(tenantId: string) {
    return this.db
      .select({ a: certProviderAgreements, fileName: files.name })
      .from(certProviderAgreements)
      .leftJoin(files, and(eq(files.id, certProviderAgreements.fileId), eq(files.tenantId, tenantId)))
      .$dynamic();
  }
  async listAgreements(actor: Actor) {
    policy.readAny(actor);
    const rows = await this.agreementsQuery(actor.tenantId)
      .where(and(eq(certProviderAgreements.tenantId, actor.tenantId), isNull(certProviderAgreements.deletedAt)))
      .orderBy(desc(certProviderAgreements.signedOn));
    return rows.map((r) => agreementDto(r.a, r.fileName));
  }
  private async getAgreement(actor: Actor, id: string) {
    const [r] = await this.agreementsQuery(actor.tenantId).where(
      and(eq(certProviderAgreements.tenantId, actor.tenantId), eq(certProviderAgreements.id, id), isNull(certProviderAgreements.deletedAt)),
    );
    if (!r) throw notFound();
    return r;
  }
  async saveAgreement(actor: Actor, input: TProviderAgreementInput, id?: string) {
    policy.dinas(actor);
    if (input.validUntil && input.validUntil < input.signedOn) throw validation('validUntil', 'certificates.agreement_dates');
    if (input.fileId) {
      // only a file the actor uploaded may be attached
      const f = await getFile(this.db, actor.tenantId, input.fileId);
      if (!f || f.uploadedBy !== actor.userId) throw validation('fileId', 'certificates.file_not_yours');
    }
    const values = {
      provider: input.provider,
      agreementNumber: input.agreementNumber,
      signedOn: input.signedOn,
      validUntil: input.validUntil ?? null,
      notes: (input.notes as string | null | undefined) ?? null,
      ...(input.fileId !== undefined ? { fileId: input.fileId } : {}),
    };
    const saved = await this.saveAgreementRow(actor, values, id);
    const r = await this.getAgreement(actor, saved.id);
    return agreementDto(r.a, r.fileName);
  }
  /** The signed agreement's scan, for anyone who may read the RA records (audited). */
  async agreementFile(actor: Actor, id: string) {
    policy.readAny(actor);
    const { a } = await this.getAgreement(actor, id);
    const f = a.fileId ? await getFile(this.db, actor.tenantId, a.fileId) : null;
    if (!f) throw notFound();
    try {
      const data = await this.ctx.fileStore.read(f.storageKey, { encrypted: f.encrypted, sha256: f.sha256 });
      await this.db.transaction((tx) =>
        recordAudit(tx, actor, { action: 'download', entity: 'file', entityId: f.id, after: { providerAgreementId: id } }),
      );
      return { name: f.name, mime: f.mime, sha256: f.sha256, data };
    } catch (e) {
      if (e instanceof IntegrityError) throw new AppError(409, 'file.integrity_failed');
      if (e instanceof DecryptionError) throw new AppError(409, 'file.decrypt_failed');
      throw e;
    }
  }
  private async saveAgreementRow(
    actor: Actor,
    values: Omit<typeof certProviderAgreements.$inferInsert, 'tenantId'>,
    id?: string,
  ): Promise<{ id: string }> {
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
          .where(and(eq(certProviderAgreements.tenantId, actor.tenantId), eq(certProviderAgreements.id, id)))
          .returning();
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'cert_provider_agreement',
          entityId: id,
          before,
          after,
        });
        return after;
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
      return row;
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
