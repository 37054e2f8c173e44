import { eq } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { certRevocations } from '../../db/schema/index.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { encryptionRecipients } from './cert-records.repo.js';
import { certDto } from './certificates.dto.js';
import { revDto } from './registry.dto.js';
import { loadCert, yearOf } from './registry.shared.js';

/** Issued certificates: listing, detail and renewal (K8). */
export class CertRecordsService {
  constructor(private readonly ctx: ModuleContext) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

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
  /**
   * Holders with a valid encryption certificate in the tenant (name, NIP, OPD, expiry, PEM).
   * For the signing module's recipient picker, which checks the caller's permission first.
   */
  async encryptionRecipients(tenantId: string, q?: string) {
    return (await encryptionRecipients(this.db, tenantId, q)).map((r) => ({ ...r, notAfter: new Date(r.notAfter).toISOString() }));
  }
  async getCertificate(actor: Actor, id: string) {
    policy.apply(actor);
    const r = await loadCert(this.db, actor, id);
    const revocations = (await repo.listRevocations(this.db, actor.tenantId, eq(certRevocations.certificateId, id))).map(revDto);
    return { ...certDto(r), revocations };
  }
  /** Renewal application before expiry (K8, P14): a new application carrying the same data. */
  async renew(actor: Actor, id: string) {
    policy.apply(actor);
    const r = await loadCert(this.db, actor, id);
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
}
