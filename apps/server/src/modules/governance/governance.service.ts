import type {
  TArchitectureInput,
  TBcdrInput,
  TControlInput,
  TControlStatusInput,
  TEvaluationInput,
  TStrategicPlanInput,
  TTeamInput,
} from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { govArchitectures, govBcdrPlans, govStrategicPlans } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { DEFAULT_DUTIES } from './data/catalog.js';
import { addDays, addMonths, isoOrNull, morningOf, todayJakarta } from './dates.js';
import { governancePolicy as policy } from './governance.policy.js';
import * as repo from './governance.repo.js';

type PlanRow = typeof govStrategicPlans.$inferSelect;
type ArchRow = typeof govArchitectures.$inferSelect;
type BcdrRow = typeof govBcdrPlans.$inferSelect;

/** Finds a linked record in the tenant: its label, null when missing/deleted, undefined for an unsupported entity. */
export type LinkResolver = (db: DbOrTx, tenantId: string, entity: string, id: string) => Promise<{ label: string } | null | undefined>;

export const ARCH_ENTITY = 'gov_architecture';
export const BCDR_ENTITY = 'gov_bcdr_plan';

export function planDto(p: PlanRow, now = new Date()) {
  const year = Number(todayJakarta(now).slice(0, 4));
  return {
    id: p.id,
    title: p.title,
    startYear: p.startYear,
    endYear: p.startYear + 4,
    valid: year >= p.startYear && year <= p.startYear + 4,
    rpjmdReference: p.rpjmdReference,
    goals: p.goals,
    programs: p.programs,
    roadmap: p.roadmap,
    bssnConsultationDate: p.bssnConsultationDate,
    bssnConsultationNotes: p.bssnConsultationNotes,
    bssnConsultationFileId: p.bssnConsultationFileId,
    decreeNumber: p.decreeNumber,
    decreeDate: p.decreeDate,
    decreeFileId: p.decreeFileId,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function architectureDto(a: ArchRow, now = new Date()) {
  const today = todayJakarta(now);
  return {
    id: a.id,
    title: a.title,
    infrastructure: a.infrastructure,
    deviceNetworkDesign: a.deviceNetworkDesign,
    securityApplications: a.securityApplications,
    decreeNumber: a.decreeNumber,
    decreeDate: a.decreeDate,
    decreeFileId: a.decreeFileId,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    valid: today >= a.validFrom && today <= a.validUntil,
    evaluations: a.evaluations,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function bcdrDto(r: { plan: BcdrRow; opdName: string | null }) {
  const p = r.plan;
  return {
    id: p.id,
    serviceName: p.serviceName,
    opdId: p.opdId,
    opdName: r.opdName,
    applicationId: p.applicationId,
    rtoMinutes: p.rtoMinutes,
    rpoMinutes: p.rpoMinutes,
    strategy: p.strategy,
    contacts: p.contacts,
    lastTestDate: p.lastTestDate,
    lastTestResult: p.lastTestResult as 'passed' | 'partial' | 'failed' | null,
    lastTestNotes: p.lastTestNotes,
    nextTestDate: p.nextTestDate,
    fileId: p.fileId,
    deletedAt: isoOrNull(p.deletedAt),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** 5 years of validity: from the start day up to the day before the fifth anniversary (JBI-35 P7(5)). */
export const architectureValidUntil = (validFrom: string) => addDays(addMonths(validFrom, 60), -1);

/** Mid-term (after 2½ years) and final-year evaluations of the architecture (JBI-35 P7(6)). */
export function plannedEvaluations(validFrom: string) {
  const until = architectureValidUntil(validFrom);
  return [
    { kind: 'midterm' as const, dueDate: addMonths(validFrom, 30), doneDate: null, notes: null, fileId: null },
    { kind: 'final' as const, dueDate: addDays(addMonths(until, -12), 1), doneDate: null, notes: null, fileId: null },
  ];
}

/** Renstra, architecture, rules and procedures, technical team, BC/DR plans (B1–B3, B6, B7, B9). */
export class GovernanceService {
  constructor(
    private readonly deps: AppDeps,
    private readonly notifications: NotificationService,
    private readonly resolveLink?: LinkResolver,
  ) {}
  private get db() {
    return this.deps.database.db;
  }

  private async checkFiles(db: DbOrTx, actor: Actor, fields: Record<string, string | null | undefined | string[]>) {
    for (const [field, v] of Object.entries(fields)) {
      const ids = (Array.isArray(v) ? v : [v]).filter((x): x is string => !!x);
      if (!ids.length) continue;
      const found = await repo.existingFiles(db, actor.tenantId, ids);
      if (ids.some((id) => !found.has(id))) throw invalid('governance.file_unknown', field);
    }
  }

  private async recipients(db: DbOrTx, actor: Actor) {
    const ids = await repo.usersWithPermission(db, actor.tenantId, 'governance.manage');
    if (actor.userId) ids.push(actor.userId);
    return [...new Set(ids)];
  }

  // ---------------------------------------------------------------- B1
  async listPlans(actor: Actor) {
    policy.read(actor);
    return (await repo.listPlans(this.db, actor.tenantId)).map((p) => planDto(p));
  }
  async getPlan(actor: Actor, id: string) {
    policy.read(actor);
    const p = await repo.getPlan(this.db, actor.tenantId, id);
    if (!p) throw notFound();
    return planDto(p);
  }
  private planValues(input: TStrategicPlanInput) {
    // the roadmap always covers the plan's five years
    const roadmap = Array.from({ length: 5 }, (_, i) => {
      const year = input.startYear + i;
      return { year, milestones: input.roadmap.find((r) => r.year === year)?.milestones ?? '' };
    });
    return { ...input, roadmap };
  }
  async createPlan(actor: Actor, input: TStrategicPlanInput) {
    policy.manage(actor);
    return this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { bssnConsultationFileId: input.bssnConsultationFileId, decreeFileId: input.decreeFileId });
      const row = await repo.insertPlan(tx, { ...this.planValues(input), tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'gov_strategic_plan', entityId: row.id, after: row });
      return planDto(row);
    });
  }
  async updatePlan(actor: Actor, id: string, input: TStrategicPlanInput) {
    policy.manage(actor);
    const before = await repo.getPlan(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    return this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { bssnConsultationFileId: input.bssnConsultationFileId, decreeFileId: input.decreeFileId });
      const row = await repo.updatePlan(tx, actor.tenantId, id, this.planValues(input));
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_strategic_plan', entityId: id, before, after: row });
      return planDto(row);
    });
  }
  async deletePlan(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getPlan(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updatePlan(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'gov_strategic_plan', entityId: id, before, after: row });
    });
  }

  // ---------------------------------------------------------------- B2
  async listArchitectures(actor: Actor) {
    policy.read(actor);
    return (await repo.listArchitectures(this.db, actor.tenantId)).map((a) => architectureDto(a));
  }
  async getArchitecture(actor: Actor, id: string) {
    policy.read(actor);
    const a = await repo.getArchitecture(this.db, actor.tenantId, id);
    if (!a) throw notFound();
    return architectureDto(a);
  }

  /** Reminders for the planned evaluations not yet done and for the end of validity. */
  private async scheduleArchitectureReminders(tx: DbOrTx, actor: Actor, a: ArchRow) {
    await this.notifications.cancel(tx, actor, ARCH_ENTITY, a.id);
    const to = await this.recipients(tx, actor);
    const link = `/tata-kelola/arsitektur`;
    for (const e of a.evaluations) {
      if (e.doneDate || !e.dueDate || e.kind === 'adhoc') continue;
      const label = e.kind === 'midterm' ? 'paruh waktu' : 'tahun terakhir';
      await this.notifications.schedule(tx, actor, {
        kind: `governance.architecture_${e.kind}_evaluation`,
        entity: ARCH_ENTITY,
        entityId: a.id,
        dueAt: morningOf(e.dueDate),
        recipientUserIds: to,
        title: `Evaluasi ${label} arsitektur keamanan informasi`,
        body: `Arsitektur "${a.title}" perlu dievaluasi (${label}) sesuai Pasal 7 ayat (6); jatuh tempo ${e.dueDate}.`,
        link,
      });
    }
    await this.notifications.schedule(tx, actor, {
      kind: 'governance.architecture_expiry',
      entity: ARCH_ENTITY,
      entityId: a.id,
      dueAt: morningOf(addDays(a.validUntil, -90)),
      recipientUserIds: to,
      title: 'Masa berlaku arsitektur keamanan informasi segera berakhir',
      body: `Arsitektur "${a.title}" berlaku sampai ${a.validUntil}; siapkan penetapan arsitektur baru.`,
      link,
    });
  }

  async createArchitecture(actor: Actor, input: TArchitectureInput) {
    policy.manage(actor);
    return this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { decreeFileId: input.decreeFileId });
      const row = await repo.insertArchitecture(tx, {
        ...input,
        tenantId: actor.tenantId,
        validUntil: architectureValidUntil(input.validFrom),
        evaluations: plannedEvaluations(input.validFrom),
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'gov_architecture', entityId: row.id, after: row });
      await this.scheduleArchitectureReminders(tx, actor, row);
      return architectureDto(row);
    });
  }
  async updateArchitecture(actor: Actor, id: string, input: TArchitectureInput) {
    policy.manage(actor);
    const before = await repo.getArchitecture(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    return this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { decreeFileId: input.decreeFileId });
      const moved = before.validFrom !== input.validFrom;
      const evaluations = moved
        ? [...plannedEvaluations(input.validFrom), ...before.evaluations.filter((e) => e.kind === 'adhoc')]
        : before.evaluations;
      const row = await repo.updateArchitecture(tx, actor.tenantId, id, { ...input, validUntil: architectureValidUntil(input.validFrom), evaluations });
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_architecture', entityId: id, before, after: row });
      if (moved) await this.scheduleArchitectureReminders(tx, actor, row);
      return architectureDto(row);
    });
  }
  /** Records a done evaluation: a planned one (mid-term/final) or an ad-hoc one. */
  async recordEvaluation(actor: Actor, id: string, input: TEvaluationInput) {
    policy.manage(actor);
    const before = await repo.getArchitecture(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    return this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { fileId: input.fileId });
      const evaluations = [...before.evaluations];
      if (input.kind === 'adhoc') {
        evaluations.push({ kind: 'adhoc', dueDate: null, doneDate: input.doneDate, notes: input.notes, fileId: input.fileId });
      } else {
        const i = evaluations.findIndex((e) => e.kind === input.kind);
        if (i < 0) throw notFound();
        if (evaluations[i].doneDate) throw new AppError(409, 'governance.evaluation_done');
        evaluations[i] = { ...evaluations[i], doneDate: input.doneDate, notes: input.notes, fileId: input.fileId };
        await this.notifications.cancel(tx, actor, ARCH_ENTITY, id, `governance.architecture_${input.kind}_evaluation`);
      }
      const row = await repo.updateArchitecture(tx, actor.tenantId, id, { evaluations });
      await recordAudit(tx, actor, { action: 'evaluate', entity: 'gov_architecture', entityId: id, before: before.evaluations, after: evaluations });
      return architectureDto(row);
    });
  }

  // ---------------------------------------------------------------- B3 / B7
  async listControls(actor: Actor, kind?: 'rule' | 'procedure') {
    policy.read(actor);
    await repo.ensureControlCatalog(this.db, actor.tenantId);
    const [controls, opdList] = await Promise.all([repo.listControls(this.db, actor.tenantId, kind), repo.opdsOf(this.db, actor.tenantId)]);
    const statuses = await repo.listControlStatuses(this.db, actor.tenantId, controls.map((c) => c.id));
    return controls.map((c) => {
      const mine = new Map(statuses.filter((s) => s.controlId === c.id).map((s) => [s.opdId, s]));
      const opdStatuses = opdList.map((o) => {
        const s = mine.get(o.id);
        return {
          opdId: o.id,
          opdName: o.shortName ?? o.name,
          status: s?.status ?? ('not_started' as const),
          evidenceFileIds: s?.evidenceFileIds ?? [],
          notes: s?.notes ?? null,
          updatedAt: isoOrNull(s?.updatedAt),
        };
      });
      return {
        id: c.id,
        kind: c.kind,
        code: c.code,
        title: c.title,
        legalRef: c.legalRef,
        description: c.description,
        instrumentType: c.instrumentType as TControlInput['instrumentType'],
        instrumentNumber: c.instrumentNumber,
        instrumentDate: c.instrumentDate,
        instrumentFileId: c.instrumentFileId,
        links: c.links,
        opdStatuses,
        appliedCount: opdStatuses.filter((s) => s.status === 'applied').length,
        opdCount: opdStatuses.length,
      };
    });
  }
  private async controlDto(actor: Actor, id: string) {
    const c = await repo.getControl(this.db, actor.tenantId, id);
    return (await this.listControls(actor, c.kind)).find((x) => x.id === id)!;
  }
  /**
   * Links with an id must point to a record of the same tenant (a risk it treats, an obligation it
   * satisfies); the record's current label is stored. Links without an id stay typed labels.
   */
  private async checkLinks(actor: Actor, links: TControlInput['links']) {
    const out: TControlInput['links'] = [];
    for (const [i, l] of links.entries()) {
      if (!l.id) {
        out.push(l);
        continue;
      }
      const found = this.resolveLink ? await this.resolveLink(this.db, actor.tenantId, l.entity, l.id) : undefined;
      if (found === undefined) throw invalid('governance.link_unsupported', `links.${i}.entity`);
      if (found === null) throw invalid('governance.link_not_found', `links.${i}.id`);
      out.push({ entity: l.entity, id: l.id, label: found.label });
    }
    return out;
  }
  /** The ids a control links to for one entity kind (for the compliance links of the control). */
  async linkedIds(tenantId: string, controlId: string, entity: string) {
    const c = await repo.getControl(this.db, tenantId, controlId);
    return (c?.links ?? []).filter((l) => l.entity === entity && l.id).map((l) => l.id as string);
  }
  /** Rules/procedures whose links name the record (e.g. the controls treating a risk). */
  async controlsLinkedTo(actor: Actor, entity: string, id: string) {
    policy.read(actor);
    const rows = await repo.controlsLinkedTo(this.db, actor.tenantId, entity, id);
    return rows.map((c) => ({ id: c.id, kind: c.kind, code: c.code, title: c.title, label: c.links.find((l) => l.entity === entity && l.id === id)?.label ?? '' }));
  }
  async updateControl(actor: Actor, id: string, input: TControlInput) {
    policy.manage(actor);
    const before = await repo.getControl(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    input = { ...input, links: await this.checkLinks(actor, input.links ?? []) };
    await this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { instrumentFileId: input.instrumentFileId });
      const row = await repo.updateControl(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_control', entityId: id, before, after: row });
    });
    return this.controlDto(actor, id);
  }
  async setControlStatus(actor: Actor, id: string, input: TControlStatusInput) {
    const control = await repo.getControl(this.db, actor.tenantId, id);
    if (!control) throw notFound();
    if (!(await repo.opdExists(this.db, actor.tenantId, input.opdId))) throw invalid('governance.opd_unknown', 'opdId');
    policy.manageInOpd(actor, input.opdId);
    await this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { evidenceFileIds: input.evidenceFileIds });
      const before = await repo.getControlStatus(tx, actor.tenantId, id, input.opdId);
      const row = await repo.upsertControlStatus(tx, { tenantId: actor.tenantId, controlId: id, ...input });
      await recordAudit(tx, actor, { action: 'set_status', entity: 'gov_control', entityId: id, before: before ?? null, after: row });
    });
    return this.controlDto(actor, id);
  }

  // ---------------------------------------------------------------- B6
  async getTeam(actor: Actor) {
    policy.read(actor);
    const { team, members } = await repo.getTeam(this.db, actor.tenantId);
    const persons = new Map((await repo.peopleByIds(this.db, actor.tenantId, members.map((m) => m.personId))).map((p) => [p.id, p]));
    return {
      decreeNumber: team?.decreeNumber ?? null,
      decreeDate: team?.decreeDate ?? null,
      decreeFileId: team?.decreeFileId ?? null,
      members: members.map((m) => {
        const p = persons.get(m.personId);
        return {
          id: m.id,
          role: m.role,
          personId: m.personId,
          duties: m.duties,
          personName: p ? [p.frontTitle, p.fullName].filter(Boolean).join(' ') + (p.backTitle ? `, ${p.backTitle}` : '') : '—',
          nip: p?.nip ?? null,
          opdId: p?.opdId ?? null,
          opdName: p?.opdName ?? null,
          positionName: p?.positionName ?? null,
        };
      }),
      defaultDuties: DEFAULT_DUTIES,
    };
  }
  async setTeam(actor: Actor, input: TTeamInput) {
    policy.manage(actor);
    const count = (r: string) => input.members.filter((m) => m.role === r).length;
    if (count('responsible') !== 1) throw invalid('governance.team_one_responsible', 'members');
    if (count('chair') !== 1) throw invalid('governance.team_one_chair', 'members');
    const ids = input.members.map((m) => m.personId);
    if (new Set(ids).size !== ids.length) throw invalid('governance.team_duplicate_person', 'members');
    const found = await repo.peopleByIds(this.db, actor.tenantId, ids);
    if (found.length !== new Set(ids).size) throw invalid('governance.person_unknown', 'members');
    const before = await this.getTeam(actor);
    await this.db.transaction(async (tx) => {
      await this.checkFiles(tx, actor, { decreeFileId: input.decreeFileId });
      const members = input.members.map((m) => ({ ...m, duties: m.duties.length ? m.duties : DEFAULT_DUTIES[m.role] }));
      await repo.replaceTeam(tx, actor.tenantId, { decreeNumber: input.decreeNumber, decreeDate: input.decreeDate, decreeFileId: input.decreeFileId }, members);
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_team', entityId: null, before: { ...before, defaultDuties: undefined }, after: input });
    });
    return this.getTeam(actor);
  }

  // ---------------------------------------------------------------- B9
  async listBcdr(actor: Actor, q: { q?: string; includeDeleted?: boolean }) {
    policy.read(actor);
    return (await repo.listBcdr(this.db, actor.tenantId, q)).map(bcdrDto);
  }
  async getBcdr(actor: Actor, id: string) {
    policy.read(actor);
    const r = await repo.getBcdr(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    return bcdrDto(r);
  }
  private async scheduleNextTest(tx: DbOrTx, actor: Actor, row: BcdrRow) {
    await this.notifications.cancel(tx, actor, BCDR_ENTITY, row.id);
    if (!row.nextTestDate || row.deletedAt) return;
    await this.notifications.schedule(tx, actor, {
      kind: 'governance.bcdr_test_due',
      entity: BCDR_ENTITY,
      entityId: row.id,
      dueAt: morningOf(addDays(row.nextTestDate, -14)),
      recipientUserIds: await this.recipients(tx, actor),
      title: 'Uji rencana BC/DR terjadwal',
      body: `Rencana kelangsungan layanan "${row.serviceName}" dijadwalkan diuji pada ${row.nextTestDate}.`,
      link: `/tata-kelola/bcdr`,
    });
  }
  private async checkBcdr(db: DbOrTx, actor: Actor, input: TBcdrInput) {
    if (input.opdId && !(await repo.opdExists(db, actor.tenantId, input.opdId))) throw invalid('governance.opd_unknown', 'opdId');
    await this.checkFiles(db, actor, { fileId: input.fileId });
  }
  async createBcdr(actor: Actor, input: TBcdrInput) {
    policy.manage(actor);
    const id = await this.db.transaction(async (tx) => {
      await this.checkBcdr(tx, actor, input);
      const row = await repo.insertBcdr(tx, { ...input, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'gov_bcdr_plan', entityId: row.id, after: row });
      await this.scheduleNextTest(tx, actor, row);
      return row.id;
    });
    return this.getBcdr(actor, id);
  }
  async updateBcdr(actor: Actor, id: string, input: TBcdrInput) {
    policy.manage(actor);
    const before = await repo.getBcdr(this.db, actor.tenantId, id);
    if (!before || before.plan.deletedAt) throw notFound();
    await this.db.transaction(async (tx) => {
      await this.checkBcdr(tx, actor, input);
      const row = await repo.updateBcdr(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_bcdr_plan', entityId: id, before: before.plan, after: row });
      if (row.nextTestDate !== before.plan.nextTestDate) await this.scheduleNextTest(tx, actor, row);
    });
    return this.getBcdr(actor, id);
  }
  async deleteBcdr(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getBcdr(this.db, actor.tenantId, id);
    if (!before || before.plan.deletedAt) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updateBcdr(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'gov_bcdr_plan', entityId: id, before: before.plan, after: row });
      await this.notifications.cancel(tx, actor, BCDR_ENTITY, id);
    });
  }
  async restoreBcdr(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getBcdr(this.db, actor.tenantId, id);
    if (!before || !before.plan.deletedAt) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updateBcdr(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'gov_bcdr_plan', entityId: id, before: before.plan, after: row });
      await this.scheduleNextTest(tx, actor, row);
    });
    return this.getBcdr(actor, id);
  }
}
