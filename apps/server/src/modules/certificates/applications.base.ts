import {
  requiredDocuments,
  type TCertApplicationDetail,
  type TCertApplicationData,
} from '@persada/shared';
import type { ModuleContext } from '../../app/module.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { appDto, certDto } from './certificates.dto.js';

export const DAY = 86_400_000;
export const RENEWAL_REMINDER_DAYS = [30, 7] as const;
export const editable = (s: string) => s === 'draft' || s === 'rejected';
export const validation = (field: string, key: any) => new AppError(400, 'error.validation', [{ field, key }]);
export const requiredFor = (app: { kind: 'individual' | 'position' | 'system'; renewalOfId: string | null }) =>
  app.renewalOfId ? ['cover_letter'] : [...requiredDocuments[app.kind]];
export const yearOf = (d = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(d),
  );

/** Shared by the application use cases: loading with access checks, the detail view, the event log. */
export abstract class ApplicationsBase {
  constructor(
    protected readonly ctx: ModuleContext,
    protected readonly issuer: CertificateIssuer,
  ) {}
  protected get db() {
    return this.ctx.deps.database.db;
  }

  protected async event(tx: DbOrTx, actor: Actor, app: { id: string; revision: number }, action: string, note?: string | null) {
    await repo.insertEvent(tx, {
      tenantId: actor.tenantId,
      applicationId: app.id,
      action,
      revision: app.revision,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      note: note ?? null,
    });
  }

  /** Checks official e-mail and system domains against the Pemda domain. */
  protected async checkDomains(tenantId: string, input: TCertApplicationData) {
    const tenant = await repo.getTenant(this.db, tenantId);
    const domain = tenant.domain.toLowerCase();
    const under = (host: string) => host === domain || host.endsWith(`.${domain}`);
    if (!under(input.email.split('@')[1] ?? '')) throw validation('email', 'certificates.email_not_official');
    for (const d of input.dnsNames) if (!under(d.replace(/^\*\./, ''))) throw validation('dnsNames', 'certificates.dns_not_pemda');
  }

  protected canSee(actor: Actor, app: repo.AppRow) {
    return app.applicantUserId === actor.userId || app.filedByUserId === actor.userId || policy.canReadOpd(actor, app.opdId);
  }
  protected async load(actor: Actor, id: string) {
    const r = await repo.getApplication(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    if (!this.canSee(actor, r.app)) throw forbidden();
    return r;
  }
  protected mayEdit(actor: Actor, app: repo.AppRow) {
    return app.applicantUserId === actor.userId || app.filedByUserId === actor.userId;
  }

  async get(actor: Actor, id: string): Promise<TCertApplicationDetail> {
    policy.apply(actor);
    const r = await this.load(actor, id);
    const [files, events, cert] = await Promise.all([
      repo.listAppFiles(this.db, actor.tenantId, id),
      repo.listEvents(this.db, actor.tenantId, id),
      repo.certificateByApplication(this.db, actor.tenantId, id),
    ]);
    const current = new Set(files.filter((f) => !f.f.replacedAt).map((f) => f.f.requirement));
    return {
      ...appDto(r),
      files: files.map((f) => ({
        id: f.f.id,
        requirement: f.f.requirement,
        fileId: f.f.fileId,
        name: f.name,
        size: f.size,
        revision: f.f.revision,
        current: !f.f.replacedAt,
        createdAt: f.f.createdAt.toISOString(),
      })),
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        revision: e.revision,
        actorLabel: e.actorLabel,
        note: e.note,
        createdAt: e.createdAt.toISOString(),
      })),
      certificate: cert ? certDto(cert) : null,
      missingDocuments: requiredFor(r.app).filter((d) => !current.has(d)),
      canEdit: editable(r.app.status) && this.mayEdit(actor, r.app),
      canDecide: r.app.status === 'submitted' && policy.isVerifier(actor) && r.app.applicantUserId !== actor.userId,
      canIssue: r.app.status === 'approved' && r.app.applicantUserId === actor.userId,
    };
  }
}
