/**
 * The "floor": a bare Fastify + pg.Pool server running exactly the SQL the app runs for the
 * filtered people list, with no auth, validation or ORM. The SQL is not copied by hand: it is
 * captured from the app's own query builder (org.repo.ts listPeople) through a drizzle logger,
 * so it stays in step with the app.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableColumns } from 'drizzle-orm';
import * as schema from '../apps/server/src/db/schema/index.js';
import type { Db } from '../apps/server/src/db/client.js';
import { listPeople } from '../apps/server/src/modules/org/org.repo.js';
import { likeText } from '../apps/server/src/platform/http/paging.js';

type Role = 'tenant' | 'opd' | 'like' | 'limit' | 'offset';
type Captured = { sql: string; roles: Role[] };
export type PeopleSql = { items: Captured; count: Captured };

/**
 * Runs the repo's listPeople once (opdId + q filter) against a logging drizzle instance and
 * records both statements. Each parameter is mapped back to the input it came from, using
 * distinctive page/pageSize values so that limit and offset cannot be confused.
 */
export async function capturePeopleSql(url: string, tenantId: string, opdId: string, q: string): Promise<PeopleSql> {
  const logged: { sql: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => void logged.push({ sql, params }) } }) as unknown as Db;
    const page = 3;
    const pageSize = 17;
    await listPeople(db, tenantId, { page, pageSize, dir: 'asc', q, opdId }, 'all');
    const source: Record<Role, unknown> = { tenant: tenantId, opd: opdId, like: likeText(q), limit: pageSize, offset: (page - 1) * pageSize };
    const toRoles = (params: unknown[]) =>
      params.map((p) => {
        const role = (Object.keys(source) as Role[]).find((k) => source[k] === p);
        if (!role) throw new Error(`floor: cannot map captured parameter ${JSON.stringify(p)}`);
        return role;
      });
    const items = logged.find((l) => /\blimit\b/i.test(l.sql));
    const count = logged.find((l) => /count\(\*\)/i.test(l.sql));
    if (!items || !count || logged.length !== 2) throw new Error(`floor: expected 2 statements from listPeople, got ${logged.length}`);
    return { items: { sql: items.sql, roles: toRoles(items.params) }, count: { sql: count.sql, roles: toRoles(count.params) } };
  } finally {
    await pool.end();
  }
}

// Dates stay strings (as drizzle maps `date` columns); timestamptz becomes a Date, as in the app.
const DATE_OID = 1082;
const types = { getTypeParser: (oid: number, format?: any) => (oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format)) };

/** Positional row → the same JSON shape as the app's personDto (contract ZPerson). */
function rowMapper() {
  const personKeys = Object.keys(getTableColumns(schema.people));
  const at = (k: string) => personKeys.indexOf(k);
  const idx = Object.fromEntries(personKeys.map((k) => [k, at(k)])) as Record<string, number>;
  const n = personKeys.length;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (r: any[]) => ({
    id: r[idx.id],
    fullName: r[idx.fullName],
    frontTitle: r[idx.frontTitle],
    backTitle: r[idx.backTitle],
    kind: r[idx.kind],
    nip: r[idx.nip],
    nik: r[idx.nik],
    email: r[idx.email],
    phone: r[idx.phone],
    opdId: r[idx.opdId],
    opdName: r[n],
    unitId: r[idx.unitId],
    rank: r[idx.rank],
    birthDate: r[idx.birthDate],
    sex: r[idx.sex],
    positionName: r[n + 1],
    hasUser: Boolean(r[n + 2]),
    deletedAt: iso(r[idx.deletedAt]),
    updatedAt: iso(r[idx.updatedAt]),
  });
}

export type Floor = { app: FastifyInstance; pool: pg.Pool; url: string; close(): Promise<void> };

/** GET /floor/people?opdId=…&q=…&page=…&pageSize=… → { items, total, page, pageSize }. */
export async function startFloor(url: string, tenantId: string, captured: PeopleSql, poolMax: number): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  const app = Fastify({ logger: false });
  const toPerson = rowMapper();
  app.get('/floor/people', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const page = Number(q.page ?? 1);
    const pageSize = Number(q.pageSize ?? 25);
    const source: Record<Role, unknown> = { tenant: tenantId, opd: q.opdId, like: likeText(q.q ?? ''), limit: pageSize, offset: (page - 1) * pageSize };
    const [items, count] = await Promise.all([
      pool.query({ text: captured.items.sql, values: captured.items.roles.map((r) => source[r]), rowMode: 'array', types } as any),
      pool.query({ text: captured.count.sql, values: captured.count.roles.map((r) => source[r]), rowMode: 'array' } as any),
    ]);
    return { items: items.rows.map(toPerson), total: Number(count.rows[0][0]), page, pageSize };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  return {
    app,
    pool,
    url: `http://127.0.0.1:${addr.port}`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
