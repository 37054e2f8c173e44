/**
 * Query diagnostics: captures the SQL the app itself sends for the measured endpoints and for
 * chain verification, and records EXPLAIN (ANALYZE, BUFFERS) for each, so a slow result can be
 * traced to its plan without re-running anything by hand.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../apps/server/src/db/schema/index.js';
import type { Database, Db, RawExec } from '../apps/server/src/db/client.js';
import type { AppDeps } from '../apps/server/src/app/deps.js';
import { AuditService } from '../apps/server/src/modules/audit/audit.service.js';
import { verifyAuditChain, type VerifyResult } from '../apps/server/src/platform/audit/audit.js';
import { systemActor } from '../apps/server/src/platform/context/actor.js';
import { likeText } from '../apps/server/src/platform/http/paging.js';
import type { PeopleSql } from './floor.js';

export type PlanSummary = {
  name: string;
  sql: string;
  planningMs: number;
  executionMs: number;
  /** Plan nodes, outermost first, e.g. "Sort (external merge, 8656 kB on disk)". */
  nodes: string[];
};

type Stmt = { name: string; sql: string; params: unknown[] };

function describe(node: any, out: string[], depth = 0) {
  if (depth > 6 || out.length >= 10) return;
  let s = node['Node Type'] as string;
  if (node['Index Name']) s += ` using ${node['Index Name']}`;
  if (node['Relation Name'] && !node['Index Name']) s += ` on ${node['Relation Name']}`;
  if (node['Sort Method']) s += ` (${node['Sort Method']}${node['Sort Space Type'] === 'Disk' ? `, ${node['Sort Space Used']} kB on disk` : ''})`;
  if (node['Workers Launched']) s += ` [${node['Workers Launched']} workers]`;
  const loops = Number(node['Actual Loops']);
  const ms = Number(node['Actual Total Time']).toFixed(2);
  s += loops > 1 ? `: ${node['Actual Rows']} rows × ${loops} loops, ${ms} ms each` : `: ${node['Actual Rows']} rows, ${ms} ms`;
  out.push(`${'  '.repeat(depth)}${s}`);
  for (const child of node.Plans ?? []) describe(child, out, depth + 1);
}

async function capture(url: string, run: (db: Db) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
  const logged: { sql: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => void logged.push({ sql, params }) } }) as unknown as Db;
    await run(db);
  } finally {
    await pool.end();
  }
  return logged;
}

export async function diagnose(deps: AppDeps, url: string, tenantId: string, opdId: string, q: string, people: PeopleSql): Promise<PlanSummary[]> {
  const stmts: Stmt[] = [];
  const peopleValues = { tenant: tenantId, opd: opdId, like: likeText(q), limit: 25, offset: 0 } as Record<string, unknown>;
  stmts.push({ name: 'people list: items', sql: people.items.sql, params: people.items.roles.map((r) => peopleValues[r]) });
  stmts.push({ name: 'people list: count', sql: people.count.sql, params: people.count.roles.map((r) => peopleValues[r]) });

  // The audit list's two statements, from the app's own AuditService.
  const auditQuery = (extra: object) => ({ page: 1, pageSize: 50, dir: 'asc' as const, ...extra });
  for (const [label, extra] of [['audit page', {}], ['audit page entity=person', { entity: 'person' }]] as const) {
    const logged = await capture(url, (db) => {
      const database: Database = { ...deps.database, db };
      return new AuditService({ ...deps, database }).list(systemActor(tenantId), auditQuery(extra));
    });
    for (const l of logged) stmts.push({ name: `${label}: ${/\b(count|max)\(/i.test(l.sql) ? 'total' : 'rows'}`, sql: l.sql, params: l.params });
    if (!logged.length) throw new Error(`diagnose: captured no SQL for ${label}`);
  }

  const out: PlanSummary[] = [];
  for (const s of stmts) out.push(await explain(deps.database.raw, s));
  return out;
}

async function explain(raw: RawExec, s: Stmt): Promise<PlanSummary> {
  const { rows } = await raw(`explain (analyze, buffers, format json) ${s.sql}`, s.params);
  const plan = rows[0]['QUERY PLAN'][0];
  const nodes: string[] = [];
  describe(plan.Plan, nodes);
  return { name: s.name, sql: s.sql.replace(/\s+/g, ' ').trim(), planningMs: plan['Planning Time'], executionMs: plan['Execution Time'], nodes };
}

export type VerifyTiming = {
  label: string;
  ok: boolean;
  entries: number;
  ms: number;
  rowsPerSec: number;
  /** When repeated: every run's duration; the figures above are from the median run. */
  runsMs?: number[];
  /** Machine CPU busy % / load average just before verification. */
  background?: { loadavg1: number; cpuBusyPct: number | null };
  /** Statements sent during verification: distinct SQL, how often, total and slowest ms. */
  statements: { sql: string; calls: number; totalMs: number; maxMs: number }[];
};

/** Times one verification through a recording RawExec (negligible overhead) and keeps per-statement timings. */
async function timeVerify(raw: RawExec, label: string, run: (raw: RawExec) => Promise<VerifyResult>) {
  const calls: { sql: string; params: unknown[]; ms: number }[] = [];
  const recording: RawExec = async (text, values) => {
    const t = performance.now();
    const r = await raw(text, values);
    calls.push({ sql: text, params: values ?? [], ms: performance.now() - t });
    return r;
  };
  const t0 = performance.now();
  const result = await run(recording);
  const ms = performance.now() - t0;
  const bySql = new Map<string, VerifyTiming['statements'][number]>();
  for (const c of calls) {
    const e = bySql.get(c.sql) ?? { sql: c.sql.replace(/\s+/g, ' ').trim(), calls: 0, totalMs: 0, maxMs: 0 };
    e.calls++;
    e.totalMs += c.ms;
    e.maxMs = Math.max(e.maxMs, c.ms);
    bySql.set(c.sql, e);
  }
  const slowest = calls.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), calls[0]);
  const timing: VerifyTiming = { label, ok: result.ok, entries: result.entries, ms, rowsPerSec: result.entries / (ms / 1000), statements: [...bySql.values()] };
  return { timing, result, slowest };
}

/**
 * Chain verification, timed two ways: through the app's AuditService.verify (what
 * GET /api/audit/verify runs, with the concurrency the app chooses) and as the bare
 * verifyAuditChain(raw, tenantId) with its defaults (what the CLI runs). The slowest
 * statement of the app path is then EXPLAINed.
 */
export async function timeVerification(deps: AppDeps, tenantId: string, repeat = 3) {
  const raw = deps.database.raw;
  // The app path is repeated and the median run kept: it keeps every core busy, so background load on a
  // shared machine moves it more than anything else here.
  const appRuns = [];
  for (let i = 0; i < repeat; i++) {
    appRuns.push(
      await timeVerify(raw, 'AuditService.verify (GET /api/audit/verify)', (r) =>
        new AuditService({ ...deps, database: { ...deps.database, raw: r } }).verify(systemActor(tenantId)),
      ),
    );
  }
  const sorted = [...appRuns].sort((a, b) => a.timing.ms - b.timing.ms);
  const app = sorted[Math.floor(sorted.length / 2)];
  app.timing.runsMs = appRuns.map((x) => Math.round(x.timing.ms));
  const direct = await timeVerify(raw, 'verifyAuditChain(raw, tenantId), defaults (CLI)', (r) => verifyAuditChain(r, tenantId));
  const plan = app.slowest ? await explain(raw, { name: 'chain verification: slowest statement', sql: app.slowest.sql, params: app.slowest.params }) : null;
  return { app: app.timing, direct: direct.timing, plan };
}

export type RequestProfile = {
  name: string;
  /** Wall time of the one profiled request (idle server). */
  ms: number;
  /** Statements the app sent to PostgreSQL during it, slowest first (distinct SQL). */
  statements: { sql: string; calls: number; totalMs: number; maxMs: number }[];
};

/**
 * Profiles one request on an idle server: every statement sent through a pg.Pool in this process while
 * `fn` runs (the app's pool) is timed, and the slowest is EXPLAINed. pg.Pool.prototype.query is wrapped
 * only for the duration of the call; nothing else runs meanwhile.
 */
export async function profileRequest(
  raw: RawExec,
  name: string,
  fn: () => Promise<unknown>,
): Promise<{ profile: RequestProfile; plan: PlanSummary | null; pool: pg.Pool | null }> {
  const proto = pg.Pool.prototype as any;
  const original = proto.query;
  const calls: { sql: string; params: unknown[]; ms: number }[] = [];
  let pool: pg.Pool | null = null;
  proto.query = function (this: pg.Pool, config: any, values?: any, cb?: any) {
    pool ??= this;
    const text: string | undefined = typeof config === 'string' ? config : config?.text;
    const params: unknown[] = (typeof config === 'object' && config?.values) || (Array.isArray(values) ? values : []);
    const t = performance.now();
    const r = original.call(this, config, values, cb);
    if (text && r && typeof r.then === 'function') r.then(() => calls.push({ sql: text, params, ms: performance.now() - t }), () => undefined);
    return r;
  };
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  const ms = performance.now() - t0;
  const bySql = new Map<string, RequestProfile['statements'][number]>();
  for (const c of calls) {
    const e = bySql.get(c.sql) ?? { sql: c.sql.replace(/\s+/g, ' ').trim(), calls: 0, totalMs: 0, maxMs: 0 };
    e.calls++;
    e.totalMs += c.ms;
    e.maxMs = Math.max(e.maxMs, c.ms);
    bySql.set(c.sql, e);
  }
  const statements = [...bySql.values()].sort((a, b) => b.totalMs - a.totalMs).map((s) => ({ ...s, totalMs: Math.round(s.totalMs * 100) / 100, maxMs: Math.round(s.maxMs * 100) / 100 }));
  const slowest = calls.reduce<(typeof calls)[number] | undefined>((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
  let plan: PlanSummary | null = null;
  if (slowest && /^\s*(select|with)\b/i.test(slowest.sql)) {
    try {
      plan = await explain(raw, { name: `${name}: slowest statement (${slowest.ms.toFixed(1)} ms in the request)`, sql: slowest.sql, params: slowest.params });
    } catch {
      plan = null;
    }
  }
  return { profile: { name, ms: Math.round(ms * 100) / 100, statements }, plan, pool };
}
