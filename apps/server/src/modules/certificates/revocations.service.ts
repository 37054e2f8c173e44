import type { TIncidentReportInput, TRevocationDecisionInput, TRevocationRequestInput, TRevokeInput } from '@persada/shared';
import { sql } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { certRevocations } from '../../db/schema/index.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { revDto } from './registry.dto.js';
import { loadCert, validation } from './registry.shared.js';

/** Revocation on request or on evaluation, and the incident report (K9, I2). */
export class RevocationsService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly issuer: CertificateIssuer,
  ) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  async listRevocations(actor: Actor) {
    policy.apply(actor);
    const where = policy.canRevoke(actor) ? undefined : sql`${certRevocations.requestedBy} = ${actor.userId}`;
    return (await repo.listRevocations(this.db, actor.tenantId, where)).map(revDto);
  }
  /** A holder asks for revocation; a lost or compromised key is reported at once with a statement known by the superior. */
  async requestRevocation(actor: Actor, certId: string, input: TRevocationRequestInput) {
    policy.apply(actor);
    const r = await loadCert(this.db, actor, certId);
    if (r.cert.holderUserId !== actor.userId) throw forbidden();
    if (r.cert.status === 'revoked') throw new AppError(409, 'certificates.already_revoked');
    if (await repo.pendingRevocation(this.db, actor.tenantId, certId)) throw new AppError(409, 'certificates.request_pending');
    if (input.statementFileId) {
      const f = await repo.getFile(this.db, actor.tenantId, input.statementFileId);
      if (!f || f.uploadedBy !== actor.userId) throw validation('statementFileId', 'certificates.file_not_yours');
    }
    const row = await this.db.transaction(async (tx) => {
      const row = await repo.insertRevocation(tx, {
        tenantId: actor.tenantId,
        certificateId: certId,
        source: 'holder',
        reason: input.reason,
        details: input.details,
        statementFileId: input.statementFileId ?? null,
        status: 'requested',
        requestedBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'request_revocation',
        entity: 'cert_certificate',
        entityId: certId,
        after: row,
      });
      const revokers = await repo.usersWithPermission(tx, actor.tenantId, 'certificates.revoke');
      await this.ctx.notifications.notify(tx, actor.tenantId, revokers, {
        kind: input.reason === 'keyCompromise' ? 'certificates.key_compromise' : 'certificates.revocation_requested',
        title: input.reason === 'keyCompromise' ? `SEGERA: kunci sertifikat dilaporkan hilang/bocor` : `Permintaan pencabutan sertifikat`,
        body: `${r.holderName ?? ''} — ${r.cert.subjectDn}: ${input.details}`,
        link: '/sertifikat/pencabutan',
      });
      return row;
    });
    await this.ctx.notifications.kick();
    return revDto(await repo.getRevocation(this.db, actor.tenantId, row.id));
  }

  /** Revokes at the CA (outside our transaction: the CA writes in its own); idempotent. */
  private async revokeAtCa(actor: Actor, cert: repo.CertRow, reason: string) {
    if ((await this.issuer.status(actor.tenantId, cert.serialHex).catch(() => 'unknown')) === 'revoked') return;
    await this.issuer.revoke(actor.tenantId, cert.serialHex, reason);
  }

  async decideRevocation(actor: Actor, id: string, input: TRevocationDecisionInput & { note?: string | null }) {
    const r = await repo.getRevocation(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.revoke(actor);
    if (r.rev.status !== 'requested') throw new AppError(409, 'certificates.request_decided');
    const cert = (await repo.getCertificate(this.db, actor.tenantId, r.rev.certificateId))!.cert;
    if (input.decision === 'revoke' && cert.status !== 'revoked') await this.revokeAtCa(actor, cert, r.rev.reason);
    await this.db.transaction(async (tx) => {
      const now = new Date();
      if (input.decision === 'revoke') {
        if (cert.status !== 'revoked') {
          const after = await repo.updateCertificate(tx, actor.tenantId, cert.id, {
            status: 'revoked',
            revokedAt: now,
            revocationReason: r.rev.reason,
          });
          await recordAudit(tx, actor, {
            action: 'revoke',
            entity: 'cert_certificate',
            entityId: cert.id,
            before: cert,
            after: { ...after, certPem: undefined },
          });
          await this.ctx.notifications.cancel(tx, actor, 'cert_certificate', cert.id);
        }
      }
      const after = await repo.updateRevocation(tx, actor.tenantId, id, {
        status: input.decision === 'revoke' ? 'revoked' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: input.note ?? null,
      });
      await recordAudit(tx, actor, {
        action: input.decision === 'revoke' ? 'approve' : 'reject',
        entity: 'cert_revocation',
        entityId: id,
        before: r.rev,
        after,
      });
      await this.ctx.notifications.notify(tx, actor.tenantId, [cert.holderUserId], {
        kind: 'certificates.revocation_decided',
        title: input.decision === 'revoke' ? 'Sertifikat Elektronik Anda telah dicabut' : 'Permintaan pencabutan ditolak',
        body:
          input.decision === 'revoke'
            ? `Sertifikat ${cert.serialHex} dicabut (${r.rev.reason}). Ajukan permohonan baru bila diperlukan.`
            : `Alasan: ${input.note}`,
        link: `/sertifikat/milik/${cert.id}`,
      });
    });
    await this.ctx.notifications.kick();
    return revDto(await repo.getRevocation(this.db, actor.tenantId, id));
  }

  /** Revocation on the Dinas's own evaluation (P15(1)). */
  async revoke(actor: Actor, certId: string, input: TRevokeInput) {
    const r = await repo.getCertificate(this.db, actor.tenantId, certId);
    if (!r) throw notFound();
    policy.revoke(actor);
    if (r.cert.status === 'revoked') throw new AppError(409, 'certificates.already_revoked');
    await this.revokeAtCa(actor, r.cert, input.reason);
    const row = await this.db.transaction(async (tx) => {
      const now = new Date();
      const after = await repo.updateCertificate(tx, actor.tenantId, certId, {
        status: 'revoked',
        revokedAt: now,
        revocationReason: input.reason,
      });
      const rev = await repo.insertRevocation(tx, {
        tenantId: actor.tenantId,
        certificateId: certId,
        source: 'evaluation',
        reason: input.reason,
        details: input.details,
        status: 'revoked',
        requestedBy: actor.userId,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'revoke',
        entity: 'cert_certificate',
        entityId: certId,
        before: r.cert,
        after: {
          ...after,
          certPem: undefined,
          reason: input.reason,
          details: input.details,
        },
      });
      await this.ctx.notifications.cancel(tx, actor, 'cert_certificate', certId);
      await this.ctx.notifications.notify(tx, actor.tenantId, [r.cert.holderUserId], {
        kind: 'certificates.revoked',
        title: 'Sertifikat Elektronik Anda telah dicabut',
        body: `Berdasarkan evaluasi Otoritas Pendaftaran (${input.reason}): ${input.details}`,
        link: `/sertifikat/milik/${certId}`,
      });
      return rev;
    });
    await this.ctx.notifications.kick();
    return revDto(await repo.getRevocation(this.db, actor.tenantId, row.id));
  }

  /** Records the incident report to the head of region and BSSN via BSrE (P24, I2). */
  async recordIncidentReport(actor: Actor, id: string, input: TIncidentReportInput) {
    const r = await repo.getRevocation(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.revoke(actor);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateRevocation(tx, actor.tenantId, id, {
        reportedToHeadAt: input.reportedToHeadAt ? new Date(input.reportedToHeadAt) : null,
        reportedToBssnAt: input.reportedToBssnAt ? new Date(input.reportedToBssnAt) : null,
        bssnReference: (input.bssnReference as string | null | undefined) ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'incident_report',
        entity: 'cert_revocation',
        entityId: id,
        before: r.rev,
        after,
      });
    });
    return revDto(await repo.getRevocation(this.db, actor.tenantId, id));
  }
}
