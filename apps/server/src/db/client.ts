import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Raw SQL executor with positional parameters, for pg-boss and bulk tools. */
export type RawExec = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  raw: RawExec;
  close(): Promise<void>;
};

/**
 * One access path per backend: PGlite through its native driver (drizzle-orm/pglite),
 * PostgreSQL through a node-postgres pool (drizzle-orm/node-postgres). Never mixed.
 */
export async function openDatabase(opts: { url?: string; dataDir: string; poolMax?: number }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolMax ?? 20 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      raw: async (text, values) => pool.query(text, values as any[]),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = path.join(opts.dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    // pg-boss sends multi-statement scripts without parameters: those need exec().
    raw: async (text, values) => {
      if (values && values.length) return client.query(text, values as any[]);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => client.close(),
  };
}
