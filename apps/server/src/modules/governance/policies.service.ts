import type { TPolicyInput, TPolicyTransition } from '@persada/shared';
import { policyStatuses } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { govPolicies } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema/index.js';
import { CONTENT_TYPES, formatTanggal, letterheadFromTenant, renderDocx, renderOfficialPdf, type OfficialDocument, type RenderedFile } from '../../platform/documents/index.js';
import { isoOrNull } from './dates.js';
import { governancePolicy as policy } from './governance.policy.js';
import * as repo from './governance.repo.js';

type PolicyRow = typeof govPolicies.$inferSelect;
export type PolicyStatus = (typeof policyStatuses)[number];

export function policyDto(p: PolicyRow) {
  return {
    id: p.id,
    kind: p.kind as TPolicyInput['kind'],
    title: p.title,
    number: p.number,
    legalForm: p.legalForm,
    scopes: p.scopes as TPolicyInput['scopes'],
    scopeText: p.scopeText,
    legalBasis: p.legalBasis,
    elements: p.elements as TPolicyInput['elements'],
    assurances: p.assurances as TPolicyInput['assurances'],
    effectiveDate: p.effectiveDate,
    fileId: p.fileId,
    notes: p.notes,
    status: p.status,
    version: p.version,
    supersedesId: p.supersedesId,
    supersededById: p.supersededById,
    approvedAt: isoOrNull(p.approvedAt),
    approvedBy: p.approvedBy,
    deletedAt: isoOrNull(p.deletedAt),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * The policy lifecycle (B4, B10): draft → review → approved → in force → superseded; a review can
 * go back to draft. Approving and enacting need `governance.approve`.
 */
export const POLICY_TRANSITIONS: Record<PolicyStatus, { to: PolicyStatus; needs: 'manage' | 'approve' }[]> = {
  draft: [{ to: 'review', needs: 'manage' }],
  review: [
    { to: 'draft', needs: 'manage' },
    { to: 'approved', needs: 'approve' },
  ],
  approved: [{ to: 'in_force', needs: 'approve' }],
  in_force: [{ to: 'superseded', needs: 'approve' }],
  superseded: [],
};

const EDITABLE: PolicyStatus[] = ['draft', 'review'];
const STATUS_ID: Record<string, string> = { draft: 'Draf', review: 'Telaah', approved: 'Disetujui', in_force: 'Berlaku', superseded: 'Digantikan' };
const SCOPE_ID: Record<string, string> = { data: 'Data dan informasi', applications: 'Aplikasi', infrastructure: 'Infrastruktur' };

/** Security policies and the register of regulations (B4, B5, B10). */
export class PoliciesService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async list(actor: Actor, q: { kind?: string; status?: string; q?: string; includeDeleted?: boolean }) {
    policy.read(actor);
    return (await repo.listPolicies(this.db, actor.tenantId, q)).map(policyDto);
  }
  async get(actor: Actor, id: string) {
    policy.read(actor);
    const p = await repo.getPolicy(this.db, actor.tenantId, id);
    if (!p) throw notFound();
    return policyDto(p);
  }
  private async checkFile(actor: Actor, fileId: string | null) {
    if (fileId && !(await repo.existingFiles(this.db, actor.tenantId, [fileId])).has(fileId)) throw invalid('governance.file_unknown', 'fileId');
  }
  async create(actor: Actor, input: TPolicyInput, supersedesId?: string | null) {
    policy.manage(actor);
    await this.checkFile(actor, input.fileId);
    let version = 1;
    if (supersedesId) {
      const old = await repo.getPolicy(this.db, actor.tenantId, supersedesId);
      if (!old || old.deletedAt) throw invalid('error.not_found', 'supersedesId');
      version = old.version + 1;
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPolicy(tx, { ...input, tenantId: actor.tenantId, status: 'draft', version, supersedesId: supersedesId ?? null });
      await recordAudit(tx, actor, { action: 'create', entity: 'gov_policy', entityId: row.id, after: row });
      return policyDto(row);
    });
  }
  async update(actor: Actor, id: string, input: TPolicyInput) {
    policy.manage(actor);
    const before = await repo.getPolicy(this.db, actor.tenantId, id);
    if (!before || before.deletedAt) throw notFound();
    if (!EDITABLE.includes(before.status)) throw new AppError(409, 'governance.policy_locked');
    await this.checkFile(actor, input.fileId);
    return this.db.transaction(async (tx) => {
      const row = await repo.updatePolicy(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_policy', entityId: id, before, after: row });
      return policyDto(row);
    });
  }
  async transition(actor: Actor, id: string, input: TPolicyTransition) {
    policy.read(actor);
    const before = await repo.getPolicy(this.db, actor.tenantId, id);
    if (!before || before.deletedAt) throw notFound();
    const rule = POLICY_TRANSITIONS[before.status].find((t) => t.to === input.to);
    if (!rule) throw new AppError(409, 'governance.illegal_transition', [{ field: 'to', key: 'governance.illegal_transition' }]);
    if (rule.needs === 'approve') policy.approve(actor);
    else policy.manage(actor);
    let successor: PolicyRow | undefined;
    if (input.to === 'superseded') {
      if (!input.supersededById || input.supersededById === id) throw invalid('governance.supersede_needs_new_version', 'supersededById');
      successor = await repo.getPolicy(this.db, actor.tenantId, input.supersededById);
      if (!successor || successor.deletedAt || !['approved', 'in_force'].includes(successor.status)) {
        throw invalid('governance.supersede_needs_new_version', 'supersededById');
      }
    }
    return this.db.transaction(async (tx) => {
      const patch: Partial<PolicyRow> = { status: input.to };
      if (input.to === 'approved') Object.assign(patch, { approvedAt: new Date(), approvedBy: actor.label });
      if (input.to === 'superseded') patch.supersededById = successor!.id;
      const row = await repo.updatePolicy(tx, actor.tenantId, id, patch);
      if (successor) {
        const s = await repo.updatePolicy(tx, actor.tenantId, successor.id, { supersedesId: id });
        await recordAudit(tx, actor, { action: 'supersede', entity: 'gov_policy', entityId: successor.id, before: successor, after: s });
      }
      await recordAudit(tx, actor, { action: `status_${input.to}`, entity: 'gov_policy', entityId: id, before, after: { ...row, note: input.note } });
      return policyDto(row);
    });
  }
  /** "DAFTAR KEBIJAKAN KEAMANAN INFORMASI" in the layout of the report's appendix I (B10). */
  async registerDocument(actor: Actor, q: { kind?: string; status?: string; q?: string }, format: 'pdf' | 'docx'): Promise<RenderedFile> {
    const items = await this.list(actor, { ...q, includeDeleted: false });
    const [t] = await this.db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    const scope = (p: (typeof items)[number]) =>
      [p.scopes.map((x) => SCOPE_ID[x] ?? x).join(', '), p.scopeText].filter(Boolean).join(' — ') || '-';
    const doc: OfficialDocument = {
      letterhead: letterheadFromTenant({ name: t.name, level: t.level, dinasName: t.dinasName, address: t.address, phone: t.phone, email: t.email, domain: t.domain }),
      title: 'DAFTAR KEBIJAKAN KEAMANAN INFORMASI',
      subtitle: 'Kebijakan dan standar persandian dan keamanan informasi termasuk standar operasional prosedur',
      dateLine: `Keadaan per ${formatTanggal(new Date())}`,
      table: {
        columns: [
          { header: 'No', width: 0.5, align: 'center' },
          { header: 'Nama Peraturan', width: 4 },
          { header: 'Ruang Lingkup Pengaturan', width: 4 },
          { header: 'Keterangan', width: 2 },
        ],
        rows: items.map((p, i) => [
          String(i + 1),
          [p.title, [p.legalForm, p.number].filter(Boolean).join(' ')].filter(Boolean),
          scope(p),
          [STATUS_ID[p.status] ?? p.status, `versi ${p.version}`],
        ]),
        emptyText: 'Belum ada kebijakan.',
      },
      date: new Date(),
    };
    const body = format === 'pdf' ? await renderOfficialPdf(doc) : await renderDocx(doc);
    return { body, contentType: CONTENT_TYPES[format], filename: `daftar-kebijakan-keamanan-informasi.${format}` };
  }

  async remove(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getPolicy(this.db, actor.tenantId, id);
    if (!before || before.deletedAt) throw notFound();
    if (!EDITABLE.includes(before.status)) throw new AppError(409, 'governance.policy_locked');
    await this.db.transaction(async (tx) => {
      const row = await repo.updatePolicy(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'gov_policy', entityId: id, before, after: row });
    });
  }
  async restore(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getPolicy(this.db, actor.tenantId, id);
    if (!before || !before.deletedAt) throw notFound();
    return this.db.transaction(async (tx) => {
      const row = await repo.updatePolicy(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'gov_policy', entityId: id, before, after: row });
      return policyDto(row);
    });
  }
}
