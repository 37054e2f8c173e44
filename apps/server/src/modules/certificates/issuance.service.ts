import {
  SUBSCRIBER_AGREEMENT_VERSION,
  subscriberAgreement,
  type TIssueInput,
} from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { formatTanggal, letterheadFromTenant, renderOfficialPdf } from '../../platform/documents/index.js';
import { spkiAlgorithm } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { certDto } from './certificates.dto.js';
import { ApplicationsBase, DAY, RENEWAL_REMINDER_DAYS } from './applications.base.js';

/** Issuance in person, renewal reminders and the receipt (K7, K8, K10). */
export class IssuanceService extends ApplicationsBase {
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
