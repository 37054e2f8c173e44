import { sql } from 'drizzle-orm';
import type { DbOrTx, RawExec } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Actor } from '../context/actor.js';
import { canonicalJson } from './canonical.js';
import { GENESIS, entryHash, type ChainFields } from './chain.js';

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = new Set(['passwordHash', 'password', 'totpSecret', 'tokenHash', 'codeHash', 'token']);

/** Secrets never enter the audit trail; their presence is recorded as "[disembunyikan]". */
function redact(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out[k] = SECRET_KEYS.has(k) ? (x == null ? null : '[disembunyikan]') : redact(x);
  }
  return out;
}

/**
 * Appends one entry to the tenant's chain. Must run inside the transaction that makes the
 * change, so the entry exists if and only if the change does. Entries of one tenant are
 * serialized by a transaction-scoped advisory lock.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${actor.tenantId}, 7))`);
  const last = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(sql`${auditLog.tenantId} = ${actor.tenantId}`)
    .orderBy(sql`${auditLog.seq} desc`)
    .limit(1);
  const fields: ChainFields = {
    tenantId: actor.tenantId,
    seq: (last[0]?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: input.before === undefined || input.before === null ? null : canonicalJson(redact(input.before)),
    after: input.after === undefined || input.after === null ? null : canonicalJson(redact(input.after)),
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    prevHash: last[0]?.hash ?? GENESIS,
  };
  await tx.insert(auditLog).values({ ...fields, at: new Date(fields.at), hash: entryHash(fields) });
}

export type VerifyResult = { ok: boolean; entries: number; firstBrokenId?: string };

const BATCH = 20_000;

/**
 * Recomputes the tenant's chain from the first entry. Fails at the first entry whose hash,
 * link to its predecessor, or sequence number does not match (edited, inserted or removed rows).
 */
export async function verifyAuditChain(raw: RawExec, tenantId: string): Promise<VerifyResult> {
  const fetch = (afterSeq: number) =>
    raw(
      `select id::text as id, seq::int as seq,
              to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
              actor_user_id::text as actor_user_id, actor_label, action, entity, entity_id,
              before_json, after_json, request_id, ip, prev_hash, hash
         from audit_log where tenant_id = $1 and seq > $2 order by seq limit ${BATCH}`,
      [tenantId, afterSeq],
    );
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  let pending = fetch(0);
  for (;;) {
    const { rows } = await pending;
    if (rows.length === BATCH) pending = fetch(Number(rows[rows.length - 1].seq));
    for (const r of rows) {
      const seq = Number(r.seq);
      const fields: ChainFields = {
        tenantId,
        seq,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before_json,
        after: r.after_json,
        requestId: r.request_id,
        ip: r.ip,
        prevHash: r.prev_hash,
      };
      if (seq !== expectedSeq || r.prev_hash !== prevHash || entryHash(fields) !== r.hash) {
        return { ok: false, entries, firstBrokenId: String(r.id) };
      }
      prevHash = r.hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < BATCH) return { ok: true, entries };
  }
}
