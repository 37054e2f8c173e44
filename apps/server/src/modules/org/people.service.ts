import { parseNik, parseNip, type TAssignHolderInput, type TListQuery, type TPersonInput, type TPositionInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import * as repo from './org.repo.js';
import { personDto, positionDto } from './org.dto.js';
import { orgPolicy as policy } from './org.policy.js';

const badRef = (field: string) => new AppError(400, 'error.validation', [{ field, key: 'error.not_found' }]);

/** Positions with their holders, and people identified by NIP or NIK (A2–A3). */
export class PeopleService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  private async checkOpdUnit(actor: Actor, opdId: string, unitId?: string | null) {
    const opd = await repo.getOpd(this.db, actor.tenantId, opdId);
    if (!opd || opd.opd.deletedAt) throw badRef('opdId');
    if (unitId) {
      const unit = await repo.getUnit(this.db, actor.tenantId, unitId);
      if (!unit || unit.deletedAt || unit.opdId !== opdId) throw badRef('unitId');
    }
  }

  // Positions
  async listPositions(actor: Actor, q: TListQuery & { opdId?: string }) {
    policy.readOrg(actor);
    const { items, total } = await repo.listPositions(this.db, actor.tenantId, q, policy.orgScope(actor));
    return { items: items.map(positionDto), total, page: q.page, pageSize: q.pageSize };
  }

  async createPosition(actor: Actor, input: TPositionInput) {
    policy.manageInOpd(actor, input.opdId);
    await this.checkOpdUnit(actor, input.opdId, input.unitId);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPosition(tx, { ...input, unitId: input.unitId ?? null, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'position', entityId: row.id, after: row });
      return positionDto({ position: row, holderPersonId: null, holderName: null, holderSince: null, holderActing: false });
    });
  }

  async updatePosition(actor: Actor, id: string, input: TPositionInput) {
    const current = await repo.getPosition(this.db, actor.tenantId, id);
    if (!current || current.position.deletedAt) throw notFound();
    policy.manageInOpd(actor, current.position.opdId);
    policy.manageInOpd(actor, input.opdId);
    await this.checkOpdUnit(actor, input.opdId, input.unitId);
    return this.db.transaction(async (tx) => {
      const row = await repo.updatePosition(tx, actor.tenantId, id, { ...input, unitId: input.unitId ?? null });
      await recordAudit(tx, actor, { action: 'update', entity: 'position', entityId: id, before: current.position, after: row });
      return positionDto({ ...current, position: row });
    });
  }

  async deletePosition(actor: Actor, id: string) {
    const current = await repo.getPosition(this.db, actor.tenantId, id);
    if (!current || current.position.deletedAt) throw notFound();
    policy.manageInOpd(actor, current.position.opdId);
    await this.db.transaction(async (tx) => {
      await repo.endCurrentHolder(tx, actor.tenantId, id, new Date().toISOString().slice(0, 10));
      const row = await repo.updatePosition(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'position', entityId: id, before: current.position, after: row });
    });
  }

  /** Appoints a holder (or vacates with personId null); the previous holder's term ends the day before. */
  async assignHolder(actor: Actor, id: string, input: TAssignHolderInput) {
    const current = await repo.getPosition(this.db, actor.tenantId, id);
    if (!current || current.position.deletedAt) throw notFound();
    policy.manageInOpd(actor, current.position.opdId);
    if (input.personId) {
      const p = await repo.getPerson(this.db, actor.tenantId, input.personId);
      if (!p || p.person.deletedAt) throw badRef('personId');
    }
    await this.db.transaction(async (tx) => {
      const day = new Date(`${input.startDate}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() - 1);
      const ended = await repo.endCurrentHolder(tx, actor.tenantId, id, day.toISOString().slice(0, 10));
      const added = input.personId
        ? await repo.insertHolder(tx, {
            tenantId: actor.tenantId,
            positionId: id,
            personId: input.personId,
            startDate: input.startDate,
            acting: input.acting,
            decreeNumber: input.decreeNumber,
          })
        : null;
      await recordAudit(tx, actor, { action: 'assign_holder', entity: 'position', entityId: id, before: ended[0] ?? null, after: added });
    });
    const after = await repo.getPosition(this.db, actor.tenantId, id);
    return positionDto(after!);
  }

  // People
  async listPeople(actor: Actor, q: TListQuery & { opdId?: string; kind?: string; includeDeleted?: boolean }) {
    policy.readPeople(actor);
    const { items, total } = await repo.listPeople(this.db, actor.tenantId, q, policy.peopleScope(actor));
    return { items: items.map(personDto), total, page: q.page, pageSize: q.pageSize };
  }

  async getPerson(actor: Actor, id: string) {
    const r = await repo.getPerson(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readPerson(actor, r.person.opdId);
    return personDto(r);
  }

  private derived(input: TPersonInput) {
    const nip = input.nip ? parseNip(input.nip) : null;
    const nik = input.nik ? parseNik(input.nik) : null;
    const parts = nip?.ok ? nip.parts : nik?.ok ? nik.parts : null;
    return { birthDate: parts?.birthDate ?? null, sex: parts?.sex ?? null };
  }

  private async checkUnique(actor: Actor, input: TPersonInput, exceptId?: string) {
    const clash = await repo.personConflicts(this.db, actor.tenantId, input.nip ?? null, input.email, exceptId);
    if (clash.some((c) => input.nip && c.nip === input.nip)) throw conflict('person.nip_taken', 'nip');
    if (clash.some((c) => c.email === input.email)) throw conflict('person.email_taken', 'email');
  }

  async createPerson(actor: Actor, input: TPersonInput) {
    policy.managePeopleIn(actor, input.opdId);
    await this.checkOpdUnit(actor, input.opdId, input.unitId);
    await this.checkUnique(actor, input);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPerson(tx, {
        ...input,
        nip: input.nip ?? null,
        nik: input.nik ?? null,
        unitId: input.unitId ?? null,
        ...this.derived(input),
        tenantId: actor.tenantId,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'person', entityId: row.id, after: row });
      return personDto({ person: row, opdName: null, positionName: null, hasUser: false });
    });
  }

  async updatePerson(actor: Actor, id: string, input: TPersonInput) {
    const current = await repo.getPerson(this.db, actor.tenantId, id);
    if (!current || current.person.deletedAt) throw notFound();
    policy.managePeopleIn(actor, current.person.opdId);
    policy.managePeopleIn(actor, input.opdId);
    await this.checkOpdUnit(actor, input.opdId, input.unitId);
    await this.checkUnique(actor, input, id);
    return this.db.transaction(async (tx) => {
      const row = await repo.updatePerson(tx, actor.tenantId, id, {
        ...input,
        nip: input.nip ?? null,
        nik: input.nik ?? null,
        unitId: input.unitId ?? null,
        ...this.derived(input),
      });
      await recordAudit(tx, actor, { action: 'update', entity: 'person', entityId: id, before: current.person, after: row });
      return personDto({ ...current, person: row });
    });
  }

  async deletePerson(actor: Actor, id: string) {
    const current = await repo.getPerson(this.db, actor.tenantId, id);
    if (!current || current.person.deletedAt) throw notFound();
    policy.managePeopleIn(actor, current.person.opdId);
    await this.db.transaction(async (tx) => {
      const row = await repo.updatePerson(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'person', entityId: id, before: current.person, after: row });
    });
  }

  async restorePerson(actor: Actor, id: string) {
    const current = await repo.getPerson(this.db, actor.tenantId, id);
    if (!current || !current.person.deletedAt) throw notFound();
    policy.managePeopleIn(actor, current.person.opdId);
    const p = current.person;
    await this.checkUnique(actor, { ...p, nip: p.nip, email: p.email } as TPersonInput, id);
    return this.db.transaction(async (tx) => {
      const row = await repo.updatePerson(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'person', entityId: id, before: p, after: row });
      return personDto({ ...current, person: row });
    });
  }
}
