import {
  verificationChecklist,
  type TDecisionInput,
} from '@persada/shared';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { ApplicationsBase, editable, validation } from './applications.base.js';

/** Submission, cancellation and the RA operator's decision (K6, K11). */
export class ApplicationReviewService extends ApplicationsBase {
  /** Submits (or resubmits after a rejection) for verification by the RA operators. */
  async submit(actor: Actor, id: string) {
    policy.apply(actor);
    const detail = await this.get(actor, id);
    if (!detail.canEdit) throw new AppError(409, 'certificates.not_editable');
    if (detail.missingDocuments.length)
      throw new AppError(
        400,
        'certificates.documents_missing',
        detail.missingDocuments.map((d) => ({
          field: `documents.${d}`,
          key: 'certificates.documents_missing' as const,
        })),
      );
    await this.db.transaction(async (tx) => {
      const app = await repo.lockApplication(tx, actor.tenantId, id);
      if (!editable(app.status)) throw new AppError(409, 'certificates.not_editable');
      const resubmit = app.status === 'rejected';
      const after = await repo.updateApplication(tx, actor.tenantId, id, {
        status: 'submitted',
        submittedAt: new Date(),
        revision: resubmit ? app.revision + 1 : app.revision,
        rejectionReason: null,
        checklist: null,
      });
      await this.event(tx, actor, after, resubmit ? 'resubmitted' : 'submitted');
      await recordAudit(tx, actor, {
        action: resubmit ? 'resubmit' : 'submit',
        entity: 'cert_application',
        entityId: id,
        before: app,
        after,
      });
      const operators = (await repo.usersWithPermission(tx, actor.tenantId, 'certificates.verify')).filter((u) => u !== app.applicantUserId);
      await this.ctx.notifications.notify(tx, actor.tenantId, operators, {
        kind: 'certificates.application_submitted',
        title: `Permohonan sertifikat ${after.number} menunggu verifikasi`,
        body: `${after.commonName} mengajukan ${resubmit ? 'kembali ' : ''}permohonan Sertifikat Elektronik.`,
        link: `/sertifikat/verifikasi/${id}`,
      });
    });
    await this.ctx.notifications.kick();
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string) {
    policy.apply(actor);
    const { app } = await this.load(actor, id);
    if (!this.mayEdit(actor, app)) throw forbidden();
    if (!['draft', 'rejected', 'submitted'].includes(app.status)) throw new AppError(409, 'certificates.not_editable');
    await this.db.transaction(async (tx) => {
      const after = await repo.updateApplication(tx, actor.tenantId, id, {
        status: 'cancelled',
      });
      await this.event(tx, actor, app, 'cancelled');
      await recordAudit(tx, actor, {
        action: 'cancel',
        entity: 'cert_application',
        entityId: id,
        before: app,
        after,
      });
    });
    return this.get(actor, id);
  }

  /** An appointed RA operator holding a valid RA certificate (MDN-30 P20(1)). */
  async assertOperator(actor: Actor) {
    policy.verify(actor);
    const op = await repo.activeOperator(this.db, actor.tenantId, actor.userId!);
    if (!op) throw new AppError(403, 'certificates.not_operator');
    const o = op.op;
    if (!o.raCertSerial || !o.raCertNotAfter || o.raCertNotAfter <= new Date()) throw new AppError(403, 'certificates.operator_no_certificate');
    if (o.raCertSource === 'ca') {
      const st = await this.issuer.status(actor.tenantId, o.raCertSerial).catch(() => 'unknown' as const);
      if (st === 'revoked') throw new AppError(403, 'certificates.operator_no_certificate');
    }
    return o;
  }

  /** Accepts or rejects with a reason the applicant sees (in-app and e-mail). */
  async decide(actor: Actor, id: string, input: TDecisionInput & { reason?: string | null }) {
    const { app } = await this.load(actor, id);
    await this.assertOperator(actor);
    if (app.applicantUserId === actor.userId) throw new AppError(403, 'certificates.own_application');
    if (app.status !== 'submitted') throw new AppError(409, 'certificates.not_submitted');
    const items = verificationChecklist[app.kind];
    const checklist = Object.fromEntries(items.map((k) => [k, input.checklist?.[k] === true]));
    if (input.decision === 'approve' && items.some((k) => !checklist[k])) throw validation('checklist', 'certificates.checklist_incomplete');
    const approve = input.decision === 'approve';
    await this.db.transaction(async (tx) => {
      const locked = await repo.lockApplication(tx, actor.tenantId, id);
      if (locked.status !== 'submitted') throw new AppError(409, 'certificates.not_submitted');
      const now = new Date();
      const after = await repo.updateApplication(tx, actor.tenantId, id, {
        status: approve ? 'approved' : 'rejected',
        checklist,
        rejectionReason: approve ? null : (input.reason ?? null),
        decidedBy: actor.userId,
        decidedAt: now,
        archivedAt: approve ? now : null,
      });
      await this.event(tx, actor, after, approve ? 'approved' : 'rejected', approve ? null : input.reason);
      if (approve) await this.event(tx, actor, after, 'archived');
      await recordAudit(tx, actor, {
        action: approve ? 'approve' : 'reject',
        entity: 'cert_application',
        entityId: id,
        before: locked,
        after,
      });
      await this.ctx.notifications.notify(tx, actor.tenantId, [app.applicantUserId, app.filedByUserId], {
        kind: approve ? 'certificates.application_approved' : 'certificates.application_rejected',
        title: approve ? `Permohonan sertifikat ${app.number} diterima` : `Permohonan sertifikat ${app.number} ditolak`,
        body: approve
          ? 'Permohonan Anda telah diverifikasi. Lakukan penerbitan sertifikat secara langsung (tidak dapat dikuasakan).'
          : `Alasan: ${input.reason}. Perbaiki data atau lampiran lalu ajukan kembali.`,
        link: `/sertifikat/permohonan/${id}`,
      });
    });
    await this.ctx.notifications.kick();
    return this.get(actor, id);
  }
}
