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

let generation = 0;
/**
 * Increases with every audited write in this process. Caches of access data (sessions,
 * grants) compare it to drop entries as soon as anything may have changed.
 */
export const auditGeneration = () => generation;

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
  generation++;
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

/**
 * SQL that recomputes the hashes of one segment of a chain (seq from $2 to $3) exactly as
 * `entryHash` does (same fields, same order, NULL as empty text, joined by U+001F) and checks
 * each entry's hash, its link to the previous entry ($4 is the hash before the segment) and its
 * sequence number. PostgreSQL's built-in sha256() does the hashing.
 */
const VERIFY_SEGMENT_SQL = `
  select count(*)::bigint as entries,
         min(position) filter (where bad) as first_bad_position,
         (array_agg(id::text order by position) filter (where bad))[1] as first_bad_id
    from (
      select id, position,
             seq <> position or prev_hash <> coalesce(expected_prev, $4) or hash <> encode(sha256(convert_to(
               tenant_id::text || chr(31) || seq::text || chr(31) ||
               to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || chr(31) ||
               coalesce(actor_user_id::text, '') || chr(31) || coalesce(actor_label, '') || chr(31) ||
               action || chr(31) || entity || chr(31) || coalesce(entity_id, '') || chr(31) ||
               coalesce(before_json, '') || chr(31) || coalesce(after_json, '') || chr(31) ||
               coalesce(request_id, '') || chr(31) || coalesce(ip, '') || chr(31) || prev_hash,
             'UTF8')), 'hex') as bad
        from (
          select *, lag(hash) over w as expected_prev, $2::bigint - 1 + row_number() over w as position
            from audit_log where tenant_id = $1 and seq between $2 and $3
          window w as (order by seq)
        ) ordered
    ) checked`;

const SEGMENT = 200_000;

/**
 * Recomputes the tenant's chain from the first entry. Fails at the first entry whose hash,
 * link to its predecessor, or sequence number does not match (edited, inserted or removed rows).
 * Long chains are checked in segments, concurrently on PostgreSQL (one connection each).
 */
export async function verifyAuditChain(raw: RawExec, tenantId: string, concurrency = 1): Promise<VerifyResult> {
  const { rows: top } = await raw('select coalesce(max(seq), 0)::bigint as last from audit_log where tenant_id = $1', [tenantId]);
  const last = Number(top[0].last);
  const segments: { lo: number; hi: number }[] = [];
  for (let lo = 1; lo <= Math.max(last, 1); lo += SEGMENT) segments.push({ lo, hi: Math.min(lo + SEGMENT - 1, Math.max(last, 1)) });
  const results: { entries: number; badPosition: number | null; badId: string | null }[] = new Array(segments.length);
  let next = 0;
  const worker = async () => {
    while (next < segments.length) {
      const i = next++;
      const { lo, hi } = segments[i];
      const before = lo === 1 ? { rows: [{ hash: GENESIS }] } : await raw('select hash from audit_log where tenant_id = $1 and seq = $2', [tenantId, lo - 1]);
      // A missing predecessor makes every link check in this segment fail at its first entry.
      const prev = before.rows[0]?.hash ?? 'missing';
      const { rows } = await raw(VERIFY_SEGMENT_SQL, [tenantId, lo, hi, prev]);
      const r = rows[0];
      results[i] = { entries: Number(r.entries), badPosition: r.first_bad_position == null ? null : Number(r.first_bad_position), badId: r.first_bad_id };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  let entries = 0;
  for (const r of results) {
    if (r.badId) return { ok: false, entries: r.badPosition! - 1, firstBrokenId: r.badId };
    entries += r.entries;
  }
  return { ok: true, entries };
}
