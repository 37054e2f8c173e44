import {
  secopsAreas,
  secopsFunctions,
  type TSecopsActivityInput,
  type TSecopsActivityQuery,
  type TSecopsFindingInput,
  type TSecopsFindingQuery,
  type TSecopsFindingStatusInput,
  type TSecopsOverview,
} from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { secopsFindings } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/context/actor.js';
import { can } from '../../platform/context/actor.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { cycleSince, morningOf, todayJakarta } from './secops.dates.js';
import { activityDto, findingDto } from './secops.dto.js';
import { AREA_ID, SEVERITY_ID } from './secops.labels.js';
import { secopsPolicy as policy } from './secops.policy.js';
import * as repo from './secops.repo.js';

export const FINDING_ENTITY = 'secops_finding';
type FindingRowDb = typeof secopsFindings.$inferSelect;
type Status = FindingRowDb['status'];

/** Allowed status changes of a finding: terbuka → diperbaiki → diverifikasi, terbuka → diterima; reopening. */
const TRANSITIONS: Record<Status, Status[]> = {
  terbuka: ['diperbaiki', 'diterima'],
  diperbaiki: ['diverifikasi', 'terbuka'],
  diterima: ['terbuka'],
  diverifikasi: [],
};

/** D13: security-cycle activities per target and function, their findings, and the assurance overview. */
export class CycleService {
  constructor(
    private readonly deps: AppDeps,
    private readonly notifications: NotificationService,
    private readonly clock: () => Date = () => new Date(),
  ) {}
  private get db() {
    return this.deps.database.db;
  }
  private today() {
    return todayJakarta(this.clock());
  }

  /** Validates the target against the systems register; returns the owning OPD (null for an area). */
  private async resolveTarget(db: DbOrTx, actor: Actor, t: { targetKind: string; applicationId: string | null; deviceId: string | null; area?: string | null }) {
    if (t.targetKind === 'application') {
      if (!t.applicationId) throw invalid('secops.target_required', 'applicationId');
      const a = await repo.application(db, actor.tenantId, t.applicationId);
      if (!a) throw invalid('secops.application_unknown', 'applicationId');
      return { opdId: a.opdId, applicationId: a.id, deviceId: null, area: null, label: a.name };
    }
    if (t.targetKind === 'device') {
      if (!t.deviceId) throw invalid('secops.target_required', 'deviceId');
      const d = await repo.device(db, actor.tenantId, t.deviceId);
      if (!d) throw invalid('secops.device_unknown', 'deviceId');
      return { opdId: d.opdId, applicationId: null, deviceId: d.id, area: null, label: d.name };
    }
    if (!t.area) throw invalid('secops.target_required', 'area');
    return { opdId: null, applicationId: null, deviceId: null, area: t.area as (typeof secopsAreas)[number], label: AREA_ID[t.area as 'data'] };
  }

  private async checkActivity(db: DbOrTx, actor: Actor, input: TSecopsActivityInput) {
    if (input.performedOn > this.today()) throw invalid('secops.future_date', 'performedOn');
    if (input.executor === 'third_party' && !input.executorName) throw invalid('secops.executor_name_required', 'executorName');
    if (input.reportFileId && !(await repo.fileExists(db, actor.tenantId, input.reportFileId))) throw invalid('secops.file_unknown', 'reportFileId');
    return this.resolveTarget(db, actor, input);
  }

  // ---------------------------------------------------------------- activities
  async listActivities(actor: Actor, q: TSecopsActivityQuery) {
    policy.read(actor);
    const { items, total } = await repo.listActivities(this.db, actor.tenantId, policy.scope(actor), q);
    return { items: items.map(activityDto), total, page: q.page, pageSize: q.pageSize };
  }

  async getActivity(actor: Actor, id: string) {
    policy.read(actor);
    const r = await repo.getActivity(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readIn(actor, r.activity.opdId);
    const today = this.today();
    const findings = (await repo.findingsOf(this.db, actor.tenantId, id)).map((f) => findingDto(f, today));
    return { ...activityDto(r), findings };
  }

  async createActivity(actor: Actor, input: TSecopsActivityInput) {
    policy.manage(actor);
    return this.db.transaction(async (tx) => {
      const target = await this.checkActivity(tx, actor, input);
      const row = await repo.insertActivity(tx, { ...input, ...target, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'secops_activity', entityId: row.id, after: row });
      return activityDto((await repo.getActivity(tx, actor.tenantId, row.id))!);
    });
  }

  async updateActivity(actor: Actor, id: string, input: TSecopsActivityInput) {
    policy.manage(actor);
    const before = await repo.getActivity(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    return this.db.transaction(async (tx) => {
      const target = await this.checkActivity(tx, actor, input);
      const row = await repo.updateActivity(tx, actor.tenantId, id, { ...input, ...target });
      await recordAudit(tx, actor, { action: 'update', entity: 'secops_activity', entityId: id, before: before.activity, after: row });
      return activityDto((await repo.getActivity(tx, actor.tenantId, id))!);
    });
  }

  async deleteActivity(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getActivity(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      const findings = await repo.findingsOf(tx, actor.tenantId, id);
      for (const f of findings) {
        await repo.updateFinding(tx, actor.tenantId, f.finding.id, { deletedAt: new Date() });
        await this.notifications.cancel(tx, actor, FINDING_ENTITY, f.finding.id);
      }
      const row = await repo.updateActivity(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'secops_activity', entityId: id, before: before.activity, after: row });
    });
  }

  // ---------------------------------------------------------------- findings
  async listFindings(actor: Actor, q: TSecopsFindingQuery) {
    policy.read(actor);
    const today = this.today();
    const { items, total } = await repo.listFindings(this.db, actor.tenantId, policy.scope(actor), today, q);
    return { items: items.map((f) => findingDto(f, today)), total, page: q.page, pageSize: q.pageSize };
  }

  async getFinding(actor: Actor, id: string) {
    policy.read(actor);
    const r = await repo.getFinding(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readIn(actor, r.activity.opdId);
    return findingDto(r, this.today());
  }

  private async checkFinding(db: DbOrTx, actor: Actor, input: TSecopsFindingInput, performedOn: string) {
    if (input.ownerPersonId && !(await repo.peopleByIds(db, actor.tenantId, [input.ownerPersonId])).length) throw invalid('secops.person_unknown', 'ownerPersonId');
    if (input.dueDate && input.dueDate < performedOn) throw invalid('secops.due_date_before_activity', 'dueDate');
  }

  /** Reminders of an open finding: a week before its due date, and weekly from the due date while overdue. */
  private async scheduleReminders(tx: DbOrTx, actor: Actor, f: FindingRowDb, targetLabel: string) {
    await this.notifications.cancel(tx, actor, FINDING_ENTITY, f.id);
    if (f.status !== 'terbuka' || !f.dueDate) return;
    const to = await repo.recipients(tx, actor.tenantId, 'secops.manage', f.ownerPersonId ? [f.ownerPersonId] : []);
    if (!to.length) return;
    const link = `/operasi-keamanan/temuan?open=${f.id}`;
    const sev = SEVERITY_ID[f.severity] ?? f.severity;
    const weekBefore = new Date(morningOf(f.dueDate).getTime() - 7 * 86_400_000);
    if (weekBefore > this.clock())
      await this.notifications.schedule(tx, actor, {
        kind: 'secops.finding_due_soon',
        entity: FINDING_ENTITY,
        entityId: f.id,
        dueAt: weekBefore,
        recipientUserIds: to,
        title: `Temuan keamanan (${sev}) jatuh tempo dalam 7 hari`,
        body: `Temuan "${f.title}" pada ${targetLabel} harus diperbaiki paling lambat ${f.dueDate}.`,
        link,
      });
    await this.notifications.schedule(tx, actor, {
      kind: 'secops.finding_overdue',
      entity: FINDING_ENTITY,
      entityId: f.id,
      dueAt: morningOf(f.dueDate),
      recipientUserIds: to,
      title: `Temuan keamanan (${sev}) melewati batas waktu perbaikan`,
      body: `Temuan "${f.title}" pada ${targetLabel} belum diperbaiki; batas waktu ${f.dueDate}.`,
      link,
      repeatEveryDays: 7,
    });
  }

  async createFinding(actor: Actor, activityId: string, input: TSecopsFindingInput) {
    policy.manage(actor);
    const a = await repo.getActivity(this.db, actor.tenantId, activityId);
    if (!a) throw notFound();
    return this.db.transaction(async (tx) => {
      await this.checkFinding(tx, actor, input, a.activity.performedOn);
      const row = await repo.insertFinding(tx, { ...input, tenantId: actor.tenantId, activityId, status: 'terbuka' });
      await recordAudit(tx, actor, { action: 'create', entity: FINDING_ENTITY, entityId: row.id, after: row });
      await this.scheduleReminders(tx, actor, row, activityDto(a).targetLabel);
      return findingDto((await repo.getFinding(tx, actor.tenantId, row.id))!, this.today());
    });
  }

  async updateFinding(actor: Actor, id: string, input: TSecopsFindingInput) {
    policy.manage(actor);
    const before = await repo.getFinding(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    return this.db.transaction(async (tx) => {
      await this.checkFinding(tx, actor, input, before.activity.performedOn);
      const row = await repo.updateFinding(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: FINDING_ENTITY, entityId: id, before: before.finding, after: row });
      if (row.dueDate !== before.finding.dueDate || row.ownerPersonId !== before.finding.ownerPersonId)
        await this.scheduleReminders(tx, actor, row, findingDto(before, this.today()).targetLabel);
      return findingDto((await repo.getFinding(tx, actor.tenantId, id))!, this.today());
    });
  }

  async setFindingStatus(actor: Actor, id: string, input: TSecopsFindingStatusInput) {
    policy.manage(actor);
    const before = await repo.getFinding(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    const from = before.finding.status;
    if (!TRANSITIONS[from].includes(input.status)) throw new AppError(409, 'secops.illegal_transition');
    if (input.status === 'diterima' && !input.reason) throw invalid('secops.accept_reason_required', 'reason');
    const day = input.date ?? this.today();
    if (day > this.today()) throw invalid('secops.future_date', 'date');
    const patch: Partial<FindingRowDb> = { status: input.status, statusNote: input.note ?? null };
    if (input.status === 'diperbaiki') patch.fixedOn = day;
    if (input.status === 'diverifikasi') patch.verifiedOn = day;
    if (input.status === 'diterima') Object.assign(patch, { acceptedOn: day, acceptedReason: input.reason });
    if (input.status === 'terbuka') Object.assign(patch, { fixedOn: null, verifiedOn: null, acceptedOn: null, acceptedReason: null });
    return this.db.transaction(async (tx) => {
      const row = await repo.updateFinding(tx, actor.tenantId, id, patch);
      await recordAudit(tx, actor, { action: `status_${input.status}`, entity: FINDING_ENTITY, entityId: id, before: before.finding, after: row });
      await this.scheduleReminders(tx, actor, row, findingDto(before, this.today()).targetLabel);
      return findingDto((await repo.getFinding(tx, actor.tenantId, id))!, this.today());
    });
  }

  async deleteFinding(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getFinding(this.db, actor.tenantId, id);
    if (!before) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updateFinding(tx, actor.tenantId, id, { deletedAt: new Date() });
      await this.notifications.cancel(tx, actor, FINDING_ENTITY, id);
      await recordAudit(tx, actor, { action: 'delete', entity: FINDING_ENTITY, entityId: id, before: before.finding, after: row });
    });
  }

  // ---------------------------------------------------------------- overview and targets
  async targets(actor: Actor) {
    policy.read(actor);
    const { apps, devs } = await repo.targetOptions(this.db, actor.tenantId, policy.scope(actor));
    const areas = can(actor, 'secops.read') ? secopsAreas.map((a) => ({ targetKind: 'area' as const, id: a, label: AREA_ID[a], opdName: null })) : [];
    return [
      ...apps.map((a) => ({ targetKind: 'application' as const, ...a })),
      ...devs.map((d) => ({ targetKind: 'device' as const, ...d })),
      ...areas,
    ];
  }

  /** D13 assurance overview: per target and function the last activity, open findings, and gaps (nothing in 12 months). */
  async overview(actor: Actor): Promise<TSecopsOverview> {
    policy.read(actor);
    const scope = policy.scope(actor);
    const today = this.today();
    const since = cycleSince(today);
    const { last, open } = await repo.overviewFacts(this.db, actor.tenantId, scope, today);
    const { apps, devices } = await repo.overviewTargets(this.db, actor.tenantId, scope);
    const lastOf = new Map(last.map((r) => [`${r.target}|${r.function}`, r.last]));
    const openOf = new Map(open.map((r) => [r.target, r]));
    const row = (targetKind: 'application' | 'device' | 'area', targetId: string, label: string, opdName: string | null, category: string | null) => {
      const functions = secopsFunctions.map((fn) => {
        const lastDate = lastOf.get(`${targetId}|${fn}`) ?? null;
        return { function: fn, lastDate, gap: !lastDate || lastDate < since };
      });
      const o = openOf.get(targetId);
      return { targetKind, targetId, label, opdName, category, functions, openFindings: o?.open ?? 0, overdueFindings: o?.overdue ?? 0, gaps: functions.filter((f) => f.gap).length };
    };
    const rows = [
      ...(scope === 'all' ? secopsAreas.map((a) => row('area', a, AREA_ID[a], null, null)) : []),
      ...apps.map((a) => row('application', a.id, a.name, a.opd_name, a.category)),
      ...devices.map((d) => row('device', d.id, d.name, d.opd_name, null)),
    ];
    return { asOf: today, since, rows };
  }
}
