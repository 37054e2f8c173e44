import {
  type TCertApplicationData,
} from '@persada/shared';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { appDto } from './certificates.dto.js';
import { ApplicationsBase, editable, validation, yearOf } from './applications.base.js';

/** Listing, filing and editing applications (K3, K5). */
export class ApplicationDraftsService extends ApplicationsBase {
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
}
