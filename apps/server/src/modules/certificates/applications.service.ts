import {
  SUBSCRIBER_AGREEMENT_VERSION,
  requiredDocuments,
  subscriberAgreement,
  verificationChecklist,
  type TAttachDocumentInput,
  type TCertApplicationDetail,
  type TDecisionInput,
  type TIssueInput,
} from '@persada/shared';
import type { ModuleContext } from '../../app/module.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { DecryptionError, IntegrityError, UploadRejected } from '../../platform/files/index.js';
import { formatTanggal, letterheadFromTenant, renderOfficialPdf } from '../../platform/documents/index.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { spkiAlgorithm } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { appDto, certDto } from './certificates.dto.js';
import type { TCertApplicationData } from '@persada/shared';

const DAY = 86_400_000;
export const RENEWAL_REMINDER_DAYS = [30, 7] as const;
const editable = (s: string) => s === 'draft' || s === 'rejected';
const validation = (field: string, key: any) => new AppError(400, 'error.validation', [{ field, key }]);
export const requiredFor = (app: { kind: 'individual' | 'position' | 'system'; renewalOfId: string | null }) =>
  app.renewalOfId ? ['cover_letter'] : [...requiredDocuments[app.kind]];
const yearOf = (d = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(d),
  );

/** Applications (K3, K5), verification (K6, K11) and issuance in person (K7, K10). */
export class ApplicationsService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly issuer: CertificateIssuer,
  ) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  private async event(tx: DbOrTx, actor: Actor, app: { id: string; revision: number }, action: string, note?: string | null) {
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
  private async checkDomains(tenantId: string, input: TCertApplicationData) {
    const tenant = await repo.getTenant(this.db, tenantId);
    const domain = tenant.domain.toLowerCase();
    const under = (host: string) => host === domain || host.endsWith(`.${domain}`);
    if (!under(input.email.split('@')[1] ?? '')) throw validation('email', 'certificates.email_not_official');
    for (const d of input.dnsNames) if (!under(d.replace(/^\*\./, ''))) throw validation('dnsNames', 'certificates.dns_not_pemda');
  }

  private canSee(actor: Actor, app: repo.AppRow) {
    return app.applicantUserId === actor.userId || app.filedByUserId === actor.userId || policy.canReadOpd(actor, app.opdId);
  }
  private async load(actor: Actor, id: string) {
    const r = await repo.getApplication(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    if (!this.canSee(actor, r.app)) throw forbidden();
    return r;
  }
  private mayEdit(actor: Actor, app: repo.AppRow) {
    return app.applicantUserId === actor.userId || app.filedByUserId === actor.userId;
  }

  async list(actor: Actor, q: repo.AppListQuery) {
    policy.apply(actor);
    if (q.scope === 'queue') policy.verify(actor);
    const scope = q.scope === 'mine' ? [] : policy.readScope(actor);
    const { items, total } = await repo.listApplications(this.db, actor.tenantId, q, { userId: actor.userId!, opds: scope });
    return {
      items: items.map(appDto),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
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

  /** Files a new application (draft). An ASN applies for themselves; an OPD operator may file for a colleague. */
  async create(actor: Actor, input: TCertApplicationData) {
    policy.apply(actor);
    const applicantId = input.applicantUserId ?? actor.userId!;
    const applicant = await repo.getUserWithPerson(this.db, actor.tenantId, applicantId);
    if (!applicant?.person) throw validation('applicantUserId', 'certificates.applicant_unknown');
    if (applicantId !== actor.userId) policy.fileFor(actor, applicant.person.opdId);
    await this.checkDomains(actor.tenantId, input);
    const created = await this.db.transaction(async (tx) => {
      const number = await repo.nextNumber(tx, actor.tenantId, 'SE', 'cert_applications', yearOf());
      const row = await repo.insertApplication(tx, {
        tenantId: actor.tenantId,
        number,
        kind: input.kind,
        status: 'draft',
        opdId: applicant.person!.opdId,
        applicantUserId: applicantId,
        applicantPersonId: applicant.person!.id,
        filedByUserId: actor.userId!,
        commonName: input.commonName,
        email: input.email,
        nip: input.nip ?? null,
        positionTitle: input.positionTitle ?? null,
        unitName: input.unitName ?? null,
        systemName: input.kind === 'system' ? (input.systemName ?? null) : null,
        dnsNames: input.kind === 'system' ? input.dnsNames : [],
        uses: input.uses,
      });
      await this.event(tx, actor, row, 'created');
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'cert_application',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    return this.get(actor, created.id);
  }

  async update(actor: Actor, id: string, input: TCertApplicationData) {
    policy.apply(actor);
    const { app } = await this.load(actor, id);
    if (!this.mayEdit(actor, app)) throw forbidden();
    if (!editable(app.status)) throw new AppError(409, 'certificates.not_editable');
    await this.checkDomains(actor.tenantId, input);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateApplication(tx, actor.tenantId, id, {
        commonName: input.commonName,
        email: input.email,
        nip: input.nip ?? null,
        positionTitle: input.positionTitle ?? null,
        unitName: input.unitName ?? null,
        systemName: app.kind === 'system' ? (input.systemName ?? null) : null,
        dnsNames: app.kind === 'system' ? input.dnsNames : [],
        uses: input.uses,
      });
      await this.event(tx, actor, app, 'updated');
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'cert_application',
        entityId: id,
        before: app,
        after,
      });
    });
    return this.get(actor, id);
  }

  /** Stores an uploaded document encrypted at rest (classified), owned by the uploader. */
  async upload(actor: Actor, name: string, data: Buffer) {
    policy.apply(actor);
    let stored;
    try {
      stored = await this.ctx.fileStore.store(data, {
        classified: true,
        filename: name,
        maxBytes: this.ctx.deps.env.MAX_UPLOAD_MB * 1024 * 1024,
      });
    } catch (e) {
      if (e instanceof UploadRejected) throw new AppError(e.statusCode, e.key as any, [{ field: 'file', key: e.key as any }]);
      throw e;
    }
    const safeName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `berkas.${stored.ext}`;
    return this.db.transaction(async (tx) => {
      const row = await repo.insertFile(tx, {
        tenantId: actor.tenantId,
        name: safeName,
        mime: stored.mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        encrypted: stored.encrypted,
        classified: true,
        uploadedBy: actor.userId,
        meta: { module: 'certificates' },
      });
      await recordAudit(tx, actor, {
        action: 'upload',
        entity: 'file',
        entityId: row.id,
        after: {
          name: row.name,
          size: row.size,
          sha256: row.sha256,
          classified: true,
        },
      });
      return {
        id: row.id,
        name: row.name,
        size: row.size,
        mime: row.mime,
        sha256: row.sha256,
      };
    });
  }

  /** Checks a file id was uploaded by the actor (they cannot attach someone else's file). */
  async ownFile(actor: Actor, fileId: string) {
    const f = await repo.getFile(this.db, actor.tenantId, fileId);
    if (!f || f.uploadedBy !== actor.userId) throw validation('fileId', 'certificates.file_not_yours');
    return f;
  }

  async attach(actor: Actor, id: string, input: TAttachDocumentInput) {
    policy.apply(actor);
    const { app } = await this.load(actor, id);
    if (!this.mayEdit(actor, app)) throw forbidden();
    if (!editable(app.status)) throw new AppError(409, 'certificates.not_editable');
    if (!requiredDocuments[app.kind].includes(input.requirement)) throw validation('requirement', 'certificates.document_not_required');
    await this.ownFile(actor, input.fileId);
    await this.db.transaction(async (tx) => {
      await repo.replaceAppFile(tx, actor.tenantId, id, input.requirement);
      const row = await repo.insertAppFile(tx, {
        tenantId: actor.tenantId,
        applicationId: id,
        requirement: input.requirement,
        fileId: input.fileId,
        revision: app.status === 'rejected' ? app.revision + 1 : app.revision,
      });
      await recordAudit(tx, actor, {
        action: 'attach',
        entity: 'cert_application',
        entityId: id,
        after: row,
      });
    });
    return this.get(actor, id);
  }

  async downloadFile(actor: Actor, linkId: string) {
    policy.apply(actor);
    const link = await repo.getAppFile(this.db, actor.tenantId, linkId);
    if (!link) throw notFound();
    const { app } = await this.load(actor, link.applicationId);
    if (!this.mayEdit(actor, app) && !policy.isVerifier(actor) && !policy.isDinas(actor)) throw forbidden();
    const f = await repo.getFile(this.db, actor.tenantId, link.fileId);
    if (!f) throw notFound();
    try {
      const data = await this.ctx.fileStore.read(f.storageKey, {
        encrypted: f.encrypted,
        sha256: f.sha256,
      });
      await this.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'download',
          entity: 'file',
          entityId: f.id,
          after: { applicationId: app.id, requirement: link.requirement },
        }),
      );
      return { name: f.name, mime: f.mime, sha256: f.sha256, data };
    } catch (e) {
      if (e instanceof IntegrityError) throw new AppError(409, 'file.integrity_failed');
      if (e instanceof DecryptionError) throw new AppError(409, 'file.decrypt_failed');
      throw e;
    }
  }

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

  /** Issuance by the applicant in person: agreement, browser key (SPKI) or CSR, certificate + receipt. */
  async issue(actor: Actor, id: string, input: TIssueInput) {
    policy.apply(actor);
    const { app } = await this.load(actor, id);
    if (app.applicantUserId !== actor.userId) throw new AppError(403, 'certificates.applicant_only');
    if (app.status !== 'approved') throw new AppError(409, 'certificates.not_approved');
    let spkiDer: Uint8Array;
    let keyAlgorithm: string;
    const keySource: 'browser' | 'csr' = input.csrPem ? 'csr' : 'browser';
    if (input.csrPem) {
      const parsed = await this.issuer.parseCsr(input.csrPem);
      spkiDer = parsed.spkiDer;
      keyAlgorithm = parsed.keyAlgorithm || spkiAlgorithm(parsed.spkiDer);
    } else {
      spkiDer = Buffer.from(input.spki!, 'base64');
      keyAlgorithm = spkiAlgorithm(spkiDer);
    }
    const tenant = await repo.getTenant(this.db, actor.tenantId);
    const opd = await repo.getOpd(this.db, actor.tenantId, app.opdId);
    const acceptedAt = new Date();
    // The CA is called outside our transaction (it writes in its own); the subject and SANs come
    // from the approved application, never from the CSR.
    const issued = await this.issuer.issue(actor.tenantId, {
      profile: app.kind === 'system' ? 'tls_server' : 'signing',
      subject: {
        commonName: app.kind === 'system' ? (app.dnsNames[0] ?? app.commonName) : app.commonName,
        email: app.kind === 'system' ? undefined : app.email,
        organization: tenant.name.startsWith('Pemerintah') ? tenant.name : `Pemerintah ${tenant.name}`,
        organizationalUnit: opd?.name,
        title: app.positionTitle ?? undefined,
        serialNumber: app.nip ?? undefined,
      },
      sans: app.kind === 'system' ? { dns: app.dnsNames } : { email: [app.email] },
      spkiDer,
      holderRef: { entity: 'cert_application', id },
    });
    const result = await this.db
      .transaction(async (tx) => {
        const locked = await repo.lockApplication(tx, actor.tenantId, id);
        if (locked.status !== 'approved') throw new AppError(409, 'certificates.not_approved');
        const cert = await repo.insertCertificate(tx, {
          tenantId: actor.tenantId,
          applicationId: id,
          holderUserId: app.applicantUserId,
          opdId: app.opdId,
          kind: app.kind,
          profile: issued.profile || (app.kind === 'system' ? 'tls_server' : 'signing'),
          caCertId: issued.id ?? null,
          serialHex: issued.serialHex,
          subjectDn: issued.subjectDn,
          notBefore: issued.notBefore,
          notAfter: issued.notAfter,
          sha256: issued.sha256,
          certPem: issued.certPem,
          chainPem: issued.chainPem ?? null,
          keySource,
          keyAlgorithm,
          agreementVersion: SUBSCRIBER_AGREEMENT_VERSION,
          agreementAcceptedAt: acceptedAt,
          receiptNumber: `TT/${app.number}`,
        });
        const after = await repo.updateApplication(tx, actor.tenantId, id, {
          status: 'issued',
        });
        await this.event(tx, actor, after, 'agreement_accepted', SUBSCRIBER_AGREEMENT_VERSION);
        await this.event(tx, actor, after, 'issued', `${issued.serialHex}`);
        await recordAudit(tx, actor, {
          action: 'issue',
          entity: 'cert_certificate',
          entityId: cert.id,
          after: {
            ...cert,
            certPem: undefined,
            agreement: {
              version: SUBSCRIBER_AGREEMENT_VERSION,
              text: subscriberAgreement.id,
              acceptedAt,
            },
          },
        });
        if (app.renewalOfId) {
          await repo.updateCertificate(tx, actor.tenantId, app.renewalOfId, {
            renewedById: cert.id,
          });
          await this.ctx.notifications.cancel(tx, actor, 'cert_certificate', app.renewalOfId);
        }
        await this.scheduleRenewalReminders(tx, actor, cert);
        return cert;
      })
      .catch(async (e) => {
        // Not recorded (e.g. issued twice at once): the certificate must not stay valid at the CA.
        await this.issuer.revoke(actor.tenantId, issued.serialHex, 'superseded').catch(() => undefined);
        throw e;
      });
    const row = await repo.getCertificate(this.db, actor.tenantId, result.id);
    return certDto(row!);
  }

  /** Reminders to the holder 30 and 7 days before expiry (K8). */
  async scheduleRenewalReminders(tx: DbOrTx, actor: Actor, cert: repo.CertRow) {
    for (const days of RENEWAL_REMINDER_DAYS) {
      const dueAt = new Date(cert.notAfter.getTime() - days * DAY);
      if (dueAt <= new Date()) continue;
      await this.ctx.notifications.schedule(tx, actor, {
        kind: 'certificates.renewal',
        entity: 'cert_certificate',
        entityId: cert.id,
        dueAt,
        recipientUserIds: [cert.holderUserId],
        title: `Sertifikat Elektronik Anda berakhir dalam ${days} hari`,
        body: `Sertifikat ${cert.subjectDn} berlaku sampai ${formatTanggal(cert.notAfter)}. Ajukan pembaruan kepada Otoritas Pendaftaran.`,
        link: `/sertifikat/milik/${cert.id}`,
      });
    }
  }

  /** Tanda terima: the receipt handed over with the certificate (MDN-30 P13(6)). */
  async receipt(actor: Actor, certId: string) {
    policy.apply(actor);
    const r = await repo.getCertificate(this.db, actor.tenantId, certId);
    if (!r) throw notFound();
    if (r.cert.holderUserId !== actor.userId && !policy.canReadOpd(actor, r.cert.opdId)) throw forbidden();
    const app = (await repo.getApplication(this.db, actor.tenantId, r.cert.applicationId))!;
    const tenant = await repo.getTenant(this.db, actor.tenantId);
    const decider = app.app.decidedBy ? await repo.getUserWithPerson(this.db, actor.tenantId, app.app.decidedBy) : null;
    const kindLabel = {
      individual: 'Individu',
      position: 'Jabatan/Wewenang/Organisasi',
      system: 'Sistem Elektronik',
    }[r.cert.kind];
    const pdf = await renderOfficialPdf({
      letterhead: letterheadFromTenant(tenant),
      title: 'TANDA TERIMA SERTIFIKAT ELEKTRONIK',
      number: r.cert.receiptNumber,
      paragraphs: [
        `Otoritas Pendaftaran ${tenant.dinasName ?? 'Dinas Komunikasi dan Informatika'} ${tenant.name} telah menyerahkan Sertifikat Elektronik kepada pemohon berikut. Penerbitan dilakukan langsung oleh pemohon dan pasangan kunci dibuat oleh pemohon; kunci privat tidak pernah dikirim ke Otoritas Pendaftaran.`,
        `Pemohon telah menyetujui perjanjian Pemilik Sertifikat Elektronik dan kewajiban Pasal 16–17 (versi ${r.cert.agreementVersion}) pada ${formatTanggal(r.cert.agreementAcceptedAt)}.`,
      ],
      table: {
        columns: [
          { header: 'Uraian', width: 1 },
          { header: 'Keterangan', width: 2 },
        ],
        rows: [
          ['Nomor permohonan', app.app.number],
          ['Jenis sertifikat', kindLabel],
          ['Pemilik', r.holderName ?? app.app.commonName],
          ['NIP', app.app.nip ?? '-'],
          ['Perangkat Daerah', r.opdName ?? '-'],
          ['Subjek', r.cert.subjectDn],
          ['Nomor seri', r.cert.serialHex],
          ['Berlaku', `${formatTanggal(r.cert.notBefore)} s.d. ${formatTanggal(r.cert.notAfter)}`],
          ['Sidik jari SHA-256', r.cert.sha256],
        ],
      },
      signer: {
        place: tenant.name.replace(/^(Kota|Kabupaten|Provinsi)\s+/, ''),
        position: 'Pengelola Otoritas Pendaftaran',
        name: decider?.person
          ? [decider.person.frontTitle, decider.person.fullName, decider.person.backTitle].filter(Boolean).join(' ')
          : (decider?.user.displayName ?? '-'),
        nip: decider?.person?.nip ?? null,
      },
      date: r.cert.createdAt,
    });
    return {
      pdf,
      filename: `tanda-terima-${r.cert.serialHex.slice(0, 12)}.pdf`,
    };
  }
}
