import { readFileSync } from 'node:fs';
import type { TSopInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { govSops } from '../../db/schema/index.js';
import { tenants } from '../../db/schema/index.js';
import { eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { isoOrNull } from './dates.js';
import { governancePolicy as policy } from './governance.policy.js';
import * as repo from './governance.repo.js';
import { renderSop, type SopFormat } from './sop-document.js';

type SopRow = typeof govSops.$inferSelect;

/** The four SOPs of the Jembrana report (JMB-MONEV) every Pemda starts from (data/sops.json). */
export const STARTER_SOPS: TSopInput[] = JSON.parse(readFileSync(new URL('./data/sops.json', import.meta.url), 'utf8'));

export function sopDto(s: SopRow) {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    unitName: s.unitName,
    madeDate: s.madeDate,
    revisedDate: s.revisedDate,
    revision: s.revision,
    effectiveDate: s.effectiveDate,
    approverPosition: s.approverPosition,
    approverPersonId: s.approverPersonId,
    approverName: s.approverName,
    approverNip: s.approverNip,
    purpose: s.purpose,
    scope: s.scope,
    legalBasis: s.legalBasis,
    qualifications: s.qualifications,
    relatedSops: s.relatedSops,
    equipment: s.equipment,
    warnings: s.warnings,
    records: s.records,
    actors: s.actors,
    steps: s.steps,
    totalMinutes: s.steps.reduce((n, x) => n + (x.minutes ?? 0), 0),
    deletedAt: isoOrNull(s.deletedAt),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Adds the starter SOPs once, for a tenant that has never had any SOP (serialised per tenant). */
export async function ensureStarterSops(db: DbOrTx, tenantId: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`gov_sops:${tenantId}`}))`);
    if ((await repo.sopCount(tx, tenantId)) > 0) return [];
    return repo.insertSops(
      tx,
      STARTER_SOPS.map((s) => ({ ...s, tenantId, approverPersonId: null, approverName: null, approverNip: null })),
    );
  });
}

/** Standard operating procedures as structured records, printable as PDF and Word (B8). */
export class SopsService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async list(actor: Actor, q: { q?: string; includeDeleted?: boolean }) {
    policy.read(actor);
    if ((await repo.sopCount(this.db, actor.tenantId)) === 0) {
      await this.db.transaction(async (tx) => {
        for (const row of await ensureStarterSops(tx, actor.tenantId)) {
          await recordAudit(tx, systemActor(actor.tenantId, 'sistem (SOP awal)'), { action: 'create', entity: 'gov_sop', entityId: row.id, after: row });
        }
      });
    }
    return (await repo.listSops(this.db, actor.tenantId, q)).map(sopDto);
  }
  async get(actor: Actor, id: string) {
    policy.read(actor);
    const s = await repo.getSop(this.db, actor.tenantId, id);
    if (!s) throw notFound();
    return sopDto(s);
  }
  /** Fills the approver's name and NIP from the people register when a person is chosen. */
  private async values(actor: Actor, input: TSopInput) {
    if (!input.approverPersonId) return input;
    const [p] = await repo.peopleByIds(this.db, actor.tenantId, [input.approverPersonId]);
    if (!p) throw invalid('governance.person_unknown', 'approverPersonId');
    const name = [p.frontTitle, p.fullName].filter(Boolean).join(' ') + (p.backTitle ? `, ${p.backTitle}` : '');
    return { ...input, approverName: input.approverName ?? name, approverNip: input.approverNip ?? p.nip };
  }
  async create(actor: Actor, input: TSopInput) {
    policy.manage(actor);
    const v = await this.values(actor, input);
    return this.db.transaction(async (tx) => {
      if (await repo.sopNumberTaken(tx, actor.tenantId, input.number)) throw conflict('governance.sop_number_taken', 'number');
      const [row] = await repo.insertSops(tx, [{ ...v, tenantId: actor.tenantId }]);
      await recordAudit(tx, actor, { action: 'create', entity: 'gov_sop', entityId: row.id, after: row });
      return sopDto(row);
    });
  }
  async update(actor: Actor, id: string, input: TSopInput) {
    policy.manage(actor);
    const before = await repo.getSop(this.db, actor.tenantId, id);
    if (!before || before.deletedAt) throw notFound();
    const v = await this.values(actor, input);
    return this.db.transaction(async (tx) => {
      if (await repo.sopNumberTaken(tx, actor.tenantId, input.number, id)) throw conflict('governance.sop_number_taken', 'number');
      const row = await repo.updateSop(tx, actor.tenantId, id, v);
      await recordAudit(tx, actor, { action: 'update', entity: 'gov_sop', entityId: id, before, after: row });
      return sopDto(row);
    });
  }
  async remove(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getSop(this.db, actor.tenantId, id);
    if (!before || before.deletedAt) throw notFound();
    await this.db.transaction(async (tx) => {
      const row = await repo.updateSop(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'gov_sop', entityId: id, before, after: row });
    });
  }
  async restore(actor: Actor, id: string) {
    policy.manage(actor);
    const before = await repo.getSop(this.db, actor.tenantId, id);
    if (!before || !before.deletedAt) throw notFound();
    return this.db.transaction(async (tx) => {
      if (await repo.sopNumberTaken(tx, actor.tenantId, before.number, id)) throw conflict('governance.sop_number_taken', 'number');
      const row = await repo.updateSop(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'gov_sop', entityId: id, before, after: row });
      return sopDto(row);
    });
  }
  async document(actor: Actor, id: string, format: SopFormat) {
    const sop = await this.get(actor, id);
    const [tenant] = await this.db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    return renderSop(sop, tenant, format);
  }
}
