import type { TComplaintInput, TComplaintUpdateInput } from '@persada/shared';
import { eq } from 'drizzle-orm';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { certComplaints } from '../../db/schema/index.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { complaintDto } from './registry.dto.js';
import { loadCert, validation, yearOf } from './registry.shared.js';

/** Complaints about certificates or RA operators (K11, K12). */
export class ComplaintsService {
  constructor(private readonly ctx: ModuleContext) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  async listComplaints(actor: Actor) {
    policy.apply(actor);
    const where = policy.isDinas(actor) && policy.readScope(actor) === 'all' ? undefined : eq(certComplaints.raisedBy, actor.userId!);
    return (await repo.listComplaints(this.db, actor.tenantId, where)).map(complaintDto);
  }
  async createComplaint(actor: Actor, input: TComplaintInput) {
    policy.apply(actor);
    if (input.certificateId) await loadCert(this.db, actor, input.certificateId);
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
}
