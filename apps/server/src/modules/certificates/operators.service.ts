import type { TAppointOperatorInput, TRaCertificateInput } from '@persada/shared';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { parseCertificatePem, spkiAlgorithm } from './certificates.issuer.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { operatorDto } from './registry.dto.js';
import { validation } from './registry.shared.js';
import { dnText } from '../pki/certinfo.js';

/** RA operators: appointment by decree and their RA certificates (K11). */
export class OperatorsService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly issuer: CertificateIssuer,
  ) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

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
        raCertSubject: dnText(c.subject),
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
}
