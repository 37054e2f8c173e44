import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  categorize,
  techDocItems,
  type TCategorizationInput,
  type TMaintenanceInput,
  type TSlaReportInput,
  type TSubdomainDecision,
  type TTechDocInput,
} from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import { files, opds, rolePermissions, userRoles, users, sysApplications, sysCategorizations, sysDevices, sysMaintenance, sysSlaReports, sysSubdomains, sysTechDocs } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { formatTanggal, letterheadFromTenant, officialDocumentData, renderDocx, renderPdf, slugify } from '../../platform/documents/index.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import * as orgRepo from '../org/org.repo.js';
import { Register, type AfterWrite, type ListQuery } from './register.js';
import { rowsOf } from '../../db/rows.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { labels, registerDefs } from './systems.registers.js';
import { systemsPolicy as policy } from './systems.policy.js';
import { systemsSummary } from './systems.summary.js';

const jakartaToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Electronic systems and infrastructure (D1–D15, C1): the registers plus their specific use cases. */
export class SystemsService {
  readonly registers: Map<string, Register>;
  constructor(
    private readonly deps: AppDeps,
    private readonly notifications?: NotificationService,
  ) {
    const after: Record<string, AfterWrite> = {
      subdomains: (tx, actor, action, row) => this.onSubdomain(tx, actor, action, row),
      'third-parties': (tx, actor, action, row) => this.onThirdParty(tx, actor, action, row),
    };
    this.registers = new Map(registerDefs.map((d) => [d.path, new Register(d, () => this.db as any, after[d.path])]));
  }

  /** Active users of the tenant holding `perm` (tenant-wide, or for `opdId` when given). */
  private async holders(tx: DbOrTx, tenantId: string, perm: string, opdId?: string) {
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`select distinct u.id from ${users} u
        join ${userRoles} ur on ur.user_id = u.id
        join ${rolePermissions} rp on rp.role_id = ur.role_id
        where u.tenant_id = ${tenantId} and u.active and rp.permission = ${perm}
          and (ur.opd_id is null ${opdId ? sql`or ur.opd_id = ${opdId}` : sql``})`),
    );
    return rows.map((r) => r.id);
  }

  /** D5: the Dinas hears of every new subdomain request. */
  private async onSubdomain(tx: DbOrTx, actor: Actor, action: string, row: Record<string, any>) {
    if (action !== 'create' || row.status !== 'requested' || !this.notifications) return;
    const dinas = (await this.holders(tx, actor.tenantId, 'systems.infra')).filter((id) => id !== actor.userId);
    await this.notifications.notify(tx, actor.tenantId, dinas, {
      kind: 'systems.subdomain_requested',
      title: `Permohonan subdomain: ${row.label}`,
      body: `${actor.label} mengajukan subdomain "${row.label}" dan menunggu keputusan Dinas.`,
      link: '/sistem/domain?status=requested',
    });
  }

  /** D15: a reminder 30 days before a third party's contract ends (re-armed on each change). */
  private async onThirdParty(tx: DbOrTx, actor: Actor, action: string, row: Record<string, any>) {
    if (!this.notifications) return;
    await this.notifications.cancel(tx, actor, 'sys_third_party', row.id, 'contract_end');
    if (action === 'delete' || !row.contractEnd) return;
    const due = new Date(`${row.contractEnd}T08:00:00+07:00`);
    due.setUTCDate(due.getUTCDate() - 30);
    if (due.getTime() < Date.now() - 86_400_000) return;
    const recipients = await this.holders(tx, actor.tenantId, 'systems.manage', row.opdId);
    if (actor.userId) recipients.push(actor.userId);
    await this.notifications.schedule(tx, actor, {
      kind: 'contract_end',
      entity: 'sys_third_party',
      entityId: row.id,
      dueAt: due,
      recipientUserIds: [...new Set(recipients)],
      title: `Kontrak ${row.name} berakhir ${row.contractEnd}`,
      body: `Kontrak ${row.contractNumber ?? ''} dengan ${row.name} berakhir dalam 30 hari. Periksa laporan SLA dan pemenuhan klausul keamanan sebelum perpanjangan.`,
      link: '/sistem/pihak-ketiga',
    });
  }
  private get db() {
    return this.deps.database.db;
  }
  reg(path: string) {
    return this.registers.get(path)!;
  }

  /** Checks a file id belongs to this tenant (attachments uploaded through /api/files). */
  private async checkFile(db: DbOrTx, tenantId: string, fileId: string | null | undefined, field = 'fileId') {
    if (!fileId) return null;
    const [f] = await db.select({ id: files.id, name: files.name }).from(files).where(and(eq(files.tenantId, tenantId), eq(files.id, fileId), isNull(files.deletedAt)));
    if (!f) throw new AppError(400, 'error.validation', [{ field, key: 'systems.reference_invalid' }]);
    return f;
  }

  /** Dashboard counts of active applications by category, status and hosting (D12, C1). */
  summary(actor: Actor, q: { opdId?: string }) {
    return systemsSummary(this.db, actor, q);
  }

  // ---------- categorization (kategori sistem elektronik) ----------
  async listCategorizations(actor: Actor, appId: string) {
    await this.reg('applications').get(actor, appId);
    const rows = await this.db
      .select()
      .from(sysCategorizations)
      .where(and(eq(sysCategorizations.tenantId, actor.tenantId), eq(sysCategorizations.applicationId, appId)))
      .orderBy(desc(sysCategorizations.assessedOn), desc(sysCategorizations.createdAt));
    return rows.map(catDto);
  }

  async categorize(actor: Actor, appId: string, input: TCategorizationInput) {
    const app = await this.reg('applications').get(actor, appId);
    if (app.deletedAt) throw notFound();
    policy.manageIn(actor, 'systems.manage', app.opdId);
    const { score, category } = categorize(input.answers);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sysCategorizations)
        .values({
          tenantId: actor.tenantId,
          applicationId: appId,
          answers: input.answers,
          score,
          category,
          assessedOn: input.assessedOn ?? jakartaToday(),
          assessedBy: actor.userId,
          assessorLabel: actor.label,
          note: input.note,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'categorize', entity: 'sys_application', entityId: appId, after: row });
      return catDto(row);
    });
  }

  // ---------- technical documentation (D9) ----------
  async techDocs(actor: Actor, appId: string) {
    await this.reg('applications').get(actor, appId);
    const rows = await this.db
      .select({ d: sysTechDocs, fileName: files.name })
      .from(sysTechDocs)
      .leftJoin(files, eq(files.id, sysTechDocs.fileId))
      .where(and(eq(sysTechDocs.tenantId, actor.tenantId), eq(sysTechDocs.applicationId, appId)));
    const by = new Map(rows.map((r) => [r.d.item, r]));
    const items = techDocItems.map((i) => {
      const r = by.get(i.code);
      const fileId = r?.d.fileId ?? null;
      const handedOverOn = r?.d.handedOverOn ?? null;
      return { item: i.code, fileId, fileName: r?.fileName ?? null, handedOverOn, note: r?.d.note ?? null, complete: Boolean(fileId && handedOverOn) };
    });
    const completeness = Math.floor((items.filter((i) => i.complete).length * 100) / items.length);
    return { applicationId: appId, items, completeness };
  }

  async setTechDoc(actor: Actor, appId: string, item: string, input: TTechDocInput) {
    if (!techDocItems.some((i) => i.code === item)) throw invalid('systems.tech_doc_item_invalid', 'item');
    const app = await this.reg('applications').get(actor, appId);
    if (app.deletedAt) throw notFound();
    policy.manageIn(actor, 'systems.manage', app.opdId);
    await this.checkFile(this.db, actor.tenantId, input.fileId);
    await this.db.transaction(async (tx) => {
      const [before] = await tx.select().from(sysTechDocs).where(and(eq(sysTechDocs.tenantId, actor.tenantId), eq(sysTechDocs.applicationId, appId), eq(sysTechDocs.item, item)));
      const values = { fileId: input.fileId, handedOverOn: input.handedOverOn, note: input.note, updatedAt: new Date() };
      const [after] = await tx
        .insert(sysTechDocs)
        .values({ tenantId: actor.tenantId, applicationId: appId, item, ...values })
        .onConflictDoUpdate({ target: [sysTechDocs.tenantId, sysTechDocs.applicationId, sysTechDocs.item], set: values })
        .returning();
      await recordAudit(tx, actor, { action: 'update', entity: 'sys_tech_doc', entityId: after.id, before, after });
    });
    return this.techDocs(actor, appId);
  }

  // ---------- maintenance log (D11) ----------
  async listMaintenance(actor: Actor, deviceId: string) {
    await this.reg('devices').get(actor, deviceId);
    const rows = await this.db
      .select()
      .from(sysMaintenance)
      .where(and(eq(sysMaintenance.tenantId, actor.tenantId), eq(sysMaintenance.deviceId, deviceId)))
      .orderBy(desc(sysMaintenance.performedOn), desc(sysMaintenance.createdAt));
    return rows.map(({ tenantId: _t, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString() }));
  }

  async addMaintenance(actor: Actor, deviceId: string, input: TMaintenanceInput) {
    const dev = await this.reg('devices').get(actor, deviceId);
    if (dev.deletedAt) throw notFound();
    policy.manageIn(actor, 'systems.manage', dev.opdId);
    await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(sysMaintenance).values({ tenantId: actor.tenantId, deviceId, ...input }).returning();
      // the device keeps the date of its latest maintenance
      await tx
        .update(sysDevices)
        .set({ lastMaintenance: sql`greatest(${sysDevices.lastMaintenance}, ${input.performedOn}::date)`, updatedAt: new Date() })
        .where(and(eq(sysDevices.tenantId, actor.tenantId), eq(sysDevices.id, deviceId)));
      await recordAudit(tx, actor, { action: 'create', entity: 'sys_maintenance', entityId: row.id, after: row });
    });
    return this.listMaintenance(actor, deviceId);
  }

  // ---------- SLA reports (D15) ----------
  async listSla(actor: Actor, partyId: string) {
    await this.reg('third-parties').get(actor, partyId);
    const rows = await this.db
      .select({ s: sysSlaReports, fileName: files.name })
      .from(sysSlaReports)
      .leftJoin(files, eq(files.id, sysSlaReports.fileId))
      .where(and(eq(sysSlaReports.tenantId, actor.tenantId), eq(sysSlaReports.thirdPartyId, partyId)))
      .orderBy(desc(sysSlaReports.periodEnd));
    return rows.map(({ s: { tenantId: _t, createdAt, ...s }, fileName }) => ({ ...s, fileName, createdAt: createdAt.toISOString() }));
  }

  async addSla(actor: Actor, partyId: string, input: TSlaReportInput) {
    const party = await this.reg('third-parties').get(actor, partyId);
    if (party.deletedAt) throw notFound();
    policy.manageIn(actor, 'systems.manage', party.opdId);
    await this.checkFile(this.db, actor.tenantId, input.fileId);
    await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(sysSlaReports).values({ tenantId: actor.tenantId, thirdPartyId: partyId, ...input }).returning();
      await recordAudit(tx, actor, { action: 'create', entity: 'sys_sla_report', entityId: row.id, after: row });
    });
    return this.listSla(actor, partyId);
  }

  // ---------- subdomain decision (D5) ----------
  async decideSubdomain(actor: Actor, id: string, input: TSubdomainDecision) {
    const reg = this.reg('subdomains');
    const current = await reg.get(actor, id);
    if (current.deletedAt) throw notFound();
    policy.manageIn(actor, 'systems.infra', current.opdId);
    if (current.status !== 'requested') throw new AppError(409, 'systems.subdomain_decided');
    if (input.decision === 'assigned' && !(input.decreeNumber && input.decreeDate))
      throw new AppError(400, 'error.validation', [{ field: 'decreeNumber', key: 'systems.decree_required' }]);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(sysSubdomains)
        .set({
          status: input.decision,
          decreeNumber: input.decision === 'assigned' ? input.decreeNumber : null,
          decreeDate: input.decision === 'assigned' ? input.decreeDate : null,
          decisionNote: input.decisionNote,
          updatedAt: new Date(),
        })
        .where(and(eq(sysSubdomains.tenantId, actor.tenantId), eq(sysSubdomains.id, id)))
        .returning();
      await recordAudit(tx, actor, { action: input.decision === 'assigned' ? 'approve' : 'reject', entity: 'sys_subdomain', entityId: id, before: current, after: row });
      return (await reg.find(tx, actor.tenantId, id))!;
    });
  }

  // ---------- register of electronic systems (JMB-MONEV appendix VI, D12) ----------
  async registerReport(actor: Actor, format: 'pdf' | 'docx', q: Partial<ListQuery> = {}) {
    policy.exportReport(actor);
    const tenant = await orgRepo.getTenant(this.db, actor.tenantId);
    if (!tenant) throw notFound();
    const page = await this.reg('applications').list(actor, { page: 1, pageSize: 10_000, dir: 'asc', sort: 'opdName', ...q } as ListQuery);
    const rows = page.items.filter((a) => a.status !== 'retired');
    const heads = await orgRepo.opdsWithHeads(this.db, actor.tenantId);
    const [dinas] = await this.db
      .select({ code: opds.code, name: opds.name })
      .from(opds)
      .where(and(eq(opds.tenantId, actor.tenantId), eq(opds.isPersandianDinas, true), isNull(opds.deletedAt)))
      .limit(1);
    const head = dinas ? heads.find((h) => h.code === dinas.code) : undefined;
    const name = head?.headName ? [head.frontTitle, head.headName].filter(Boolean).join(' ') + (head.backTitle ? `, ${head.backTitle}` : '') : null;
    const date = new Date();
    const yesNo = (v: unknown) => (v ? 'Ya' : 'Tidak');
    const doc = {
      letterhead: letterheadFromTenant({ ...tenant, dinasName: tenant.dinasName ?? dinas?.name ?? null }),
      title: 'DAFTAR SISTEM ELEKTRONIK',
      subtitle: `Lampiran VI Laporan Monitoring dan Evaluasi Persandian — ${tenant.name}`,
      dateLine: `Keadaan per ${formatTanggal(date)}`,
      date,
      signer: name ? { place: tenant.name.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, ''), position: head!.headPosition ?? `Kepala ${dinas!.name}`, name, nip: head!.headNip } : null,
      table: {
        columns: [
          { header: 'No', width: 0.4, align: 'center' as const },
          { header: 'Nama Sistem Elektronik', width: 1.7 },
          { header: 'Pemilik (OPD)', width: 2 },
          { header: 'Fungsi / Layanan', width: 2.6 },
          { header: 'Pengguna', width: 1 },
          { header: 'Kategori SE', width: 1.05 },
          { header: 'Sertifikat Elektronik', width: 1.5 },
          { header: 'Alamat / Hosting', width: 2.2 },
          { header: 'Status', width: 1.35 },
        ],
        rows: rows.map((a, i) => [
          String(i + 1),
          [String(a.name), labels.appKind[a.kind as 'umum'] ?? String(a.kind)],
          String(a.opdName),
          String(a.purpose ?? '—'),
          [a.usersInternal ? 'Internal' : '', a.usersPublic ? 'Publik' : ''].filter(Boolean).join(', ') || '—',
          a.category ? [labels.category[a.category as 'rendah'], `skor ${a.score}`] : 'Belum',
          a.certificate ? ['Ya', String(a.certificate)] : yesNo(false),
          [String(a.url ?? '—'), a.hostedInDataCentre ? 'Pusat Data Pemda' : `Di luar Pusat Data${a.hostingNote ? `: ${a.hostingNote}` : ''}`],
          labels.appStatus[a.status as 'planned'] ?? String(a.status),
        ]),
        emptyText: 'Belum ada sistem elektronik yang terdaftar.',
      },
    };
    const body = format === 'pdf' ? await renderPdf({ template: 'systems-register', data: officialDocumentData(doc, null) }) : await renderDocx(doc);
    return {
      body,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `${slugify(doc.title)}-${jakartaToday()}.${format}`,
    };
  }

  /** Applications of an OPD set for other modules (risks, certificates) to pick from. */
  async applicationOptions(actor: Actor) {
    policy.read(actor);
    const scope = policy.readScope(actor);
    return this.db
      .select({ id: sysApplications.id, name: sysApplications.name, opdId: sysApplications.opdId })
      .from(sysApplications)
      .where(and(eq(sysApplications.tenantId, actor.tenantId), isNull(sysApplications.deletedAt), scope === 'all' ? undefined : scope.length ? inArray(sysApplications.opdId, scope) : sql`false`))
      .orderBy(asc(sysApplications.name));
  }
}

function catDto(r: typeof sysCategorizations.$inferSelect) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    answers: r.answers,
    score: r.score,
    category: r.category,
    assessedOn: r.assessedOn,
    assessorLabel: r.assessorLabel,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

