import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type { Env } from '../config/env.js';
import { openDatabase, type Database, type Db, type RawExec } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import * as schema from '../db/schema/index.js';
import { syncPermissions } from '../modules/tenants/tenants.service.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { fail } from './output.js';

export const pgliteDir = (env: Env) => path.join(env.DATA_DIR, 'pglite');

/**
 * PGlite is single-process: two processes on one data directory corrupt it, and PGlite does
 * not refuse by itself. While open it keeps a `postmaster.pid` in the directory (removed on a
 * clean close), so its presence means a running server — or one that did not stop cleanly.
 * Best effort only: a server started after this check is not detected.
 */
export function assertPgliteFree(dir: string) {
  const pid = path.join(dir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    fail(
      `Basis data PGlite di ${dir} sedang dipakai. Hentikan server Persada terlebih dahulu. Jika server sudah berhenti tetapi tidak bersih (mis. crash), jalankan server sekali lalu hentikan dengan Ctrl+C, atau hapus ${pid}.`,
      `The PGlite database in ${dir} is in use. Stop the Persada server first. If it is stopped but did not shut down cleanly, start and stop it once, or delete ${pid}.`,
    );
  }
}

export const pgliteExists = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/** A PGlite database at an exact directory, optionally loaded from a dumpDataDir() tarball. */
export async function openPgliteAt(dir: string, loadDataDir?: Blob): Promise<{ database: Database; client: PGlite }> {
  const { PGlite } = await import('@electric-sql/pglite');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const database: Database = {
    kind: 'pglite',
    db,
    raw: async (text, values) => {
      if (values && values.length) return client.query(text, values as any[]);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => client.close(),
  };
  return { database, client };
}

/** Opens the configured database (as the server would) and brings its schema up to date. */
export async function openCliDatabase(env: Env): Promise<Database> {
  if (!env.DATABASE_URL) assertPgliteFree(pgliteDir(env));
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 2 });
  try {
    await migrate(database);
    await syncPermissions(database.db);
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
  return database;
}

export async function withDatabase<T>(env: Env, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCliDatabase(env);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export type TenantRow = { id: string; slug: string; name: string; level: string };

export async function listTenants(raw: RawExec): Promise<TenantRow[]> {
  const { rows } = await raw('select id::text as id, slug, name, level from tenants order by slug', []);
  return rows as TenantRow[];
}

export async function tenantBySlug(raw: RawExec, slug: string): Promise<TenantRow> {
  const { rows } = await raw('select id::text as id, slug, name, level from tenants where slug = $1', [slug]);
  if (!rows[0]) fail(`Pemda dengan kode "${slug}" tidak ditemukan.`, `No Pemda with code "${slug}".`);
  return rows[0] as TenantRow;
}

export type ChainState = {
  id: string;
  slug: string;
  /** Rows in the tenant's audit_log. */
  entries: number;
  lastHash: string | null;
  ok: boolean;
  firstBrokenId?: string;
};

/** Verifies each tenant's chain and records its size and head (for backup sidecars). */
export async function chainStates(raw: RawExec, tenants?: TenantRow[]): Promise<ChainState[]> {
  const out: ChainState[] = [];
  for (const t of tenants ?? (await listTenants(raw))) {
    const { rows } = await raw(
      `select count(*)::int as n,
              (select hash from audit_log where tenant_id = $1 order by seq desc limit 1) as last_hash
         from audit_log where tenant_id = $1`,
      [t.id],
    );
    const v = await verifyAuditChain(raw, t.id);
    out.push({ id: t.id, slug: t.slug, entries: Number(rows[0].n), lastHash: rows[0].last_hash ?? null, ok: v.ok, firstBrokenId: v.firstBrokenId });
  }
  return out;
}
