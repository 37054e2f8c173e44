import type {
  TAppointOperatorInput,
  TComplaintInput,
  TComplaintUpdateInput,
  TIncidentReportInput,
  TNeedAnalysisInput,
  TRaCertificateInput,
  TRevocationDecisionInput,
  TRevocationRequestInput,
  TRevokeInput,
  TRaOperator,
  TRevocation,
  TComplaint,
  TCertNeed,
} from '@persada/shared';
import type { ZNeedInput } from '@persada/shared';
import type { z } from 'zod';
type TNeedData = z.output<typeof ZNeedInput>;
import { and, eq, or, sql } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { iso } from '../../platform/http/paging.js';
import { certComplaints, certRevocations } from '../../db/schema/index.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { parseCertificatePem, spkiAlgorithm } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { certDto, certStatus } from './certificates.dto.js';

const validation = (field: string, key: any) => new AppError(400, 'error.validation', [{ field, key }]);
const yearOf = (d = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(d),
  );

const needDto = (r: { need: any; opdName: string | null }): TCertNeed => ({
  id: r.need.id,
  opdId: r.need.opdId,
  opdName: r.opdName,
  year: r.need.year,
  kind: r.need.kind,
  holderName: r.need.holderName,
  quantity: r.need.quantity,
  uses: r.need.uses,
  justification: r.need.justification,
  priority: r.need.priority,
  analysisNotes: r.need.analysisNotes,
  analyzedAt: iso(r.need.analyzedAt),
  createdAt: r.need.createdAt.toISOString(),
});
export const operatorDto = (r: { op: any; userName: string | null }, now = new Date()): TRaOperator => ({
  id: r.op.id,
  userId: r.op.userId,
  userName: r.userName,
  decreeNumber: r.op.decreeNumber,
  decreeDate: String(r.op.decreeDate),
  active: r.op.active,
  raCertSerial: r.op.raCertSerial,
  raCertSubject: r.op.raCertSubject,
  raCertNotAfter: iso(r.op.raCertNotAfter),
  raCertSource: r.op.raCertSource,
  raCertValid: !!(r.op.active && r.op.raCertSerial && r.op.raCertNotAfter && r.op.raCertNotAfter > now),
  createdAt: r.op.createdAt.toISOString(),
});
const revDto = (r: Awaited<ReturnType<typeof repo.getRevocation>>): TRevocation => ({
  id: r!.rev.id,
  certificateId: r!.rev.certificateId,
  serialHex: r!.serialHex,
  subjectDn: r!.subjectDn,
  holderName: r!.holderName,
  source: r!.rev.source,
  reason: r!.rev.reason,
  details: r!.rev.details,
  statementFileId: r!.rev.statementFileId,
  status: r!.rev.status,
  decidedAt: iso(r!.rev.decidedAt),
  decisionNote: r!.rev.decisionNote,
  reportedToHeadAt: iso(r!.rev.reportedToHeadAt),
  reportedToBssnAt: iso(r!.rev.reportedToBssnAt),
  bssnReference: r!.rev.bssnReference,
  createdAt: r!.rev.createdAt.toISOString(),
});
const complaintDto = (r: Awaited<ReturnType<typeof repo.getComplaint>>): TComplaint => ({
  id: r!.c.id,
  number: r!.c.number,
  category: r!.c.category,
  certificateId: r!.c.certificateId,
  aboutOperatorUserId: r!.c.aboutOperatorUserId,
  aboutOperatorName: r!.aboutName,
  subject: r!.c.subject,
  description: r!.c.description,
  raisedBy: r!.c.raisedBy,
  raisedByName: r!.raisedByName,
  status: r!.c.status,
  response: r!.c.response,
  providerReference: r!.c.providerReference,
  escalatedAt: iso(r!.c.escalatedAt),
  resolvedAt: iso(r!.c.resolvedAt),
  createdAt: r!.c.createdAt.toISOString(),
  updatedAt: r!.c.updatedAt.toISOString(),
});

/** Needs (K2), RA operators (K11), certificates, renewal (K8), revocation (K9, I2), complaints (K11–K12), figures (K13). */
export class RegistryService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly issuer: CertificateIssuer,
  ) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  // Needs
  async listNeeds(actor: Actor, q: Parameters<typeof repo.listNeeds>[2]) {
    policy.readAny(actor);
    const { items, total } = await repo.listNeeds(this.db, actor.tenantId, q, policy.needsScope(actor));
    return {
      items: items.map(needDto),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  async needsSummary(actor: Actor, year: number) {
    policy.readAny(actor);
    return repo.needsSummary(this.db, actor.tenantId, year, policy.needsScope(actor));
  }
  async createNeed(actor: Actor, input: TNeedData) {
    policy.manageNeedsIn(actor, input.opdId);
    if (!(await repo.opdExists(this.db, actor.tenantId, input.opdId))) throw validation('opdId', 'error.not_found');
    const row = await this.db.transaction(async (tx) => {
      const row = await repo.insertNeed(tx, {
        ...input,
        justification: input.justification ?? null,
        tenantId: actor.tenantId,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'cert_need',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, row.id))!);
  }
  async updateNeed(actor: Actor, id: string, input: TNeedData) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.manageNeedsIn(actor, cur.need.opdId);
    policy.manageNeedsIn(actor, input.opdId);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        ...input,
        justification: input.justification ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, id))!);
  }
  async deleteNeed(actor: Actor, id: string) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.manageNeedsIn(actor, cur.need.opdId);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        deletedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'delete',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
  }
  /** The Dinas analyses and prioritises each need (P4(2), P9). */
  async analyseNeed(actor: Actor, id: string, input: TNeedAnalysisInput) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.dinas(actor);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        priority: input.priority,
        analysisNotes: input.analysisNotes ?? null,
        analyzedBy: actor.userId,
        analyzedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'analyse',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, id))!);
  }

  // RA operators
  async listOperators(actor: Actor) {
    policy.readAny(actor);
    return (await repo.listOperators(this.db, actor.tenantId)).map((r) => operatorDto(r));
  }
  async myOperatorStatus(actor: Actor) {
    policy.apply(actor);
    const r = await repo.activeOperator(this.db, actor.tenantId, actor.userId!);
    const dto = r ? operatorDto(r) : null;
    return {
      appointed: !!r,
      certificateValid: !!dto?.raCertValid,
      operator: dto,
    };
  }
  /** The head of the Dinas appoints a civil servant as RA operator (decree), P20(1). */
  async appoint(actor: Actor, input: TAppointOperatorInput) {
    policy.dinas(actor);
    if (input.userId === actor.userId) throw validation('userId', 'certificates.self_appointment');
    const u = await repo.getUserWithPerson(this.db, actor.tenantId, input.userId);
    if (!u) throw validation('userId', 'error.not_found');
    if (await repo.activeOperator(this.db, actor.tenantId, input.userId))
      throw new AppError(409, 'certificates.already_appointed', [{ field: 'userId', key: 'certificates.already_appointed' }]);
    const row = await this.db.transaction(async (tx) => {
      const row = await repo.insertOperator(tx, {
        tenantId: actor.tenantId,
        userId: input.userId,
        decreeNumber: input.decreeNumber,
        decreeDate: input.decreeDate,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'appoint',
        entity: 'cert_ra_operator',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    return operatorDto((await repo.getOperator(this.db, actor.tenantId, row.id))!);
  }
  async endAppointment(actor: Actor, id: string) {
    const cur = await repo.getOperator(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.dinas(actor);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateOperator(tx, actor.tenantId, id, {
        active: false,
        endedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'end',
        entity: 'cert_ra_operator',
        entityId: id,
        before: cur.op,
        after,
      });
    });
    return operatorDto((await repo.getOperator(this.db, actor.tenantId, id))!);
  }
  /** The operator obtains their RA certificate from the CA with a key made in their browser. */
  async issueRaCertificate(actor: Actor, input: TRaCertificateInput) {
    policy.verify(actor);
    const cur = await repo.activeOperator(this.db, actor.tenantId, actor.userId!);
    if (!cur) throw new AppError(403, 'certificates.not_operator');
    if (!input.spki) throw validation('spki', 'certificates.key_required');
    const spkiDer = Buffer.from(input.spki, 'base64');
    spkiAlgorithm(spkiDer);
    const u = await repo.getUserWithPerson(this.db, actor.tenantId, actor.userId!);
    const tenant = await repo.getTenant(this.db, actor.tenantId);
    const issued = await this.issuer.issue(actor.tenantId, {
      profile: 'ra_operator',
      subject: {
        commonName: u?.person ? u.person.fullName : u!.user.displayName,
        email: u!.user.email,
        organization: tenant.name.startsWith('Pemerintah') ? tenant.name : `Pemerintah ${tenant.name}`,
        organizationalUnit: 'Otoritas Pendaftaran',
        title: 'Pengelola Otoritas Pendaftaran',
        serialNumber: u?.person?.nip ?? undefined,
      },
      sans: { email: [u!.user.email] },
      spkiDer,
      holderRef: { entity: 'cert_ra_operator', id: cur.op.id },
    });
    await this.db.transaction(async (tx) => {
      const after = await repo.updateOperator(tx, actor.tenantId, cur.op.id, {
        raCertSerial: issued.serialHex,
        raCertSubject: issued.subjectDn,
        raCertNotAfter: issued.notAfter,
        raCertSource: 'ca',
        raCertPem: issued.certPem,
      });
      await recordAudit(tx, actor, {
        action: 'issue_ra_certificate',
        entity: 'cert_ra_operator',
        entityId: cur.op.id,
        before: cur.op,
        after: { ...after, raCertPem: undefined },
      });
    });
    return operatorDto((await repo.getOperator(this.db, actor.tenantId, cur.op.id))!);
  }
  /** Records an RA certificate the provider (BSrE) issued to an operator. */
  async recordProviderRaCertificate(actor: Actor, id: string, input: TRaCertificateInput) {
    const cur = await repo.getOperator(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.dinas(actor);
    if (cur.op.userId === actor.userId) throw forbidden();
    if (!input.certPem) throw validation('certPem', 'certificates.ra_cert_invalid');
    const c = parseCertificatePem(input.certPem);
    if (c.notAfter <= new Date()) throw validation('certPem', 'certificates.ra_cert_invalid');
    await this.db.transaction(async (tx) => {
      const after = await repo.updateOperator(tx, actor.tenantId, id, {
        raCertSerial: c.serialHex,
        raCertSubject: c.subject,
        raCertNotAfter: c.notAfter,
        raCertSource: 'provider',
        raCertPem: c.pem,
      });
      await recordAudit(tx, actor, {
        action: 'record_ra_certificate',
        entity: 'cert_ra_operator',
        entityId: id,
        before: cur.op,
        after: { ...after, raCertPem: undefined },
      });
    });
    return operatorDto((await repo.getOperator(this.db, actor.tenantId, id))!);
  }

  // Certificates
  async listCertificates(actor: Actor, q: repo.CertListQuery) {
    policy.apply(actor);
    const { items, total } = await repo.listCertificates(this.db, actor.tenantId, q, { userId: actor.userId!, opds: policy.readScope(actor) });
    return {
      items: items.map(certDto),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  private async loadCert(actor: Actor, id: string) {
    const r = await repo.getCertificate(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    if (r.cert.holderUserId !== actor.userId && !policy.canReadOpd(actor, r.cert.opdId)) throw forbidden();
    return r;
  }
  async getCertificate(actor: Actor, id: string) {
    policy.apply(actor);
    const r = await this.loadCert(actor, id);
    const revocations = (await repo.listRevocations(this.db, actor.tenantId, eq(certRevocations.certificateId, id))).map(revDto);
    return { ...certDto(r), revocations };
  }
  /** Renewal application before expiry (K8, P14): a new application carrying the same data. */
  async renew(actor: Actor, id: string) {
    policy.apply(actor);
    const r = await this.loadCert(actor, id);
    const app = (await repo.getApplication(this.db, actor.tenantId, r.cert.applicationId))!.app;
    if (r.cert.holderUserId !== actor.userId && app.filedByUserId !== actor.userId && !policy.canFileIn(actor, r.cert.opdId)) throw forbidden();
    if (r.cert.status === 'revoked') throw new AppError(409, 'certificates.already_revoked');
    if (await repo.openRenewal(this.db, actor.tenantId, id)) throw new AppError(409, 'certificates.renewal_exists');
    const row = await this.db.transaction(async (tx) => {
      const number = await repo.nextNumber(tx, actor.tenantId, 'SE', 'cert_applications', yearOf());
      const row = await repo.insertApplication(tx, {
        tenantId: actor.tenantId,
        number,
        kind: app.kind,
        status: 'draft',
        opdId: app.opdId,
        applicantUserId: app.applicantUserId,
        applicantPersonId: app.applicantPersonId,
        filedByUserId: actor.userId!,
        commonName: app.commonName,
        email: app.email,
        nip: app.nip,
        positionTitle: app.positionTitle,
        unitName: app.unitName,
        systemName: app.systemName,
        dnsNames: app.dnsNames,
        uses: app.uses,
        renewalOfId: id,
      });
      await repo.insertEvent(tx, {
        tenantId: actor.tenantId,
        applicationId: row.id,
        action: 'renewal_created',
        revision: 1,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        note: r.cert.serialHex,
      });
      await recordAudit(tx, actor, {
        action: 'renew',
        entity: 'cert_application',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    return { applicationId: row.id };
  }

  // Revocation (K9, I2)
  async listRevocations(actor: Actor) {
    policy.apply(actor);
    const where = policy.canRevoke(actor) ? undefined : sql`${certRevocations.requestedBy} = ${actor.userId}`;
    return (await repo.listRevocations(this.db, actor.tenantId, where)).map(revDto);
  }
  /** A holder asks for revocation; a lost or compromised key is reported at once with a statement known by the superior. */
  async requestRevocation(actor: Actor, certId: string, input: TRevocationRequestInput) {
    policy.apply(actor);
    const r = await this.loadCert(actor, certId);
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

  // Complaints (K11, K12)
  async listComplaints(actor: Actor) {
    policy.apply(actor);
    const where = policy.isDinas(actor) && policy.readScope(actor) === 'all' ? undefined : eq(certComplaints.raisedBy, actor.userId!);
    return (await repo.listComplaints(this.db, actor.tenantId, where)).map(complaintDto);
  }
  async createComplaint(actor: Actor, input: TComplaintInput) {
    policy.apply(actor);
    if (input.certificateId) await this.loadCert(actor, input.certificateId);
    if (input.aboutOperatorUserId) {
      const op = await repo.activeOperator(this.db, actor.tenantId, input.aboutOperatorUserId);
      if (!op) throw validation('aboutOperatorUserId', 'certificates.operator_unknown');
    }
    const row = await this.db.transaction(async (tx) => {
      const number = await repo.nextNumber(tx, actor.tenantId, 'ADU', 'cert_complaints', yearOf());
      const row = await repo.insertComplaint(tx, {
        tenantId: actor.tenantId,
        number,
        category: input.category,
        certificateId: input.certificateId ?? null,
        aboutOperatorUserId: input.aboutOperatorUserId ?? null,
        subject: input.subject,
        description: input.description,
        raisedBy: actor.userId!,
      });
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'cert_complaint',
        entityId: row.id,
        after: row,
      });
      // A complaint about an operator goes to the Dinas managers, not to that operator (P20(3)).
      const handlers = (await repo.usersWithPermission(tx, actor.tenantId, 'certificates.manage')).filter((u) => u !== input.aboutOperatorUserId);
      await this.ctx.notifications.notify(tx, actor.tenantId, handlers, {
        kind: 'certificates.complaint',
        title: `Pengaduan sertifikat ${number}`,
        body: input.subject,
        link: '/sertifikat/pengaduan',
      });
      return row;
    });
    await this.ctx.notifications.kick();
    return complaintDto(await repo.getComplaint(this.db, actor.tenantId, row.id));
  }
  async updateComplaint(actor: Actor, id: string, input: TComplaintUpdateInput) {
    const cur = await repo.getComplaint(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.dinas(actor);
    // The operator reported cannot handle the complaint about themselves.
    if (cur.c.aboutOperatorUserId && cur.c.aboutOperatorUserId === actor.userId) throw forbidden();
    await this.db.transaction(async (tx) => {
      const now = new Date();
      const after = await repo.updateComplaint(tx, actor.tenantId, id, {
        status: input.status,
        response: input.response ?? null,
        providerReference: input.providerReference ?? null,
        handledBy: actor.userId,
        escalatedAt: input.status === 'escalated' ? (cur.c.escalatedAt ?? now) : cur.c.escalatedAt,
        resolvedAt: input.status === 'resolved' || input.status === 'closed' ? (cur.c.resolvedAt ?? now) : null,
      });
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'cert_complaint',
        entityId: id,
        before: cur.c,
        after,
      });
      if (input.response) {
        await this.ctx.notifications.notify(tx, actor.tenantId, [cur.c.raisedBy], {
          kind: 'certificates.complaint_response',
          title: `Tanggapan atas pengaduan ${cur.c.number}`,
          body: input.response,
          link: '/sertifikat/pengaduan',
        });
      }
    });
    await this.ctx.notifications.kick();
    return complaintDto(await repo.getComplaint(this.db, actor.tenantId, id));
  }

  // Yearly figures (K13)
  async usage(actor: Actor, year: number) {
    policy.readAny(actor);
    const scope = policy.readScope(actor);
    const rows = await repo.usageByOpd(this.db, actor.tenantId, year, scope);
    const signatures = await this.signatureCounts(actor.tenantId, year);
    const out = rows.map((r) => ({
      ...r,
      signatures: signatures ? (signatures.get(r.opdId) ?? 0) : null,
    }));
    const sum = (k: 'issued' | 'active' | 'revoked' | 'expired' | 'renewed') => out.reduce((a, r) => a + r[k], 0);
    return {
      year,
      rows: out,
      totals: {
        issued: sum('issued'),
        active: sum('active'),
        revoked: sum('revoked'),
        expired: sum('expired'),
        renewed: sum('renewed'),
        signatures: signatures ? out.reduce((a, r) => a + (r.signatures ?? 0), 0) : null,
      },
    };
  }
  /** Signature counts per OPD when the signing module offers them. */
  private async signatureCounts(tenantId: string, year: number): Promise<Map<string, number> | null> {
    const s = this.ctx.modules.get('signing')?.service as any;
    if (!s || typeof s.signatureCountsByOpd !== 'function') return null;
    try {
      const m = await s.signatureCountsByOpd(tenantId, year);
      return m instanceof Map ? m : new Map(Object.entries(m ?? {}).map(([k, v]) => [k, Number(v)]));
    } catch {
      return null;
    }
  }

  certStatus = certStatus;
}
