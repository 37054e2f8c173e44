import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { serverRoot } from '../config/env.js';
import type { Database } from './client.js';

export const migrationsFolder = path.join(serverRoot, 'migrations');

/** Applies the committed SQL migrations; both migrators read the same folder. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as any, { migrationsFolder });
  else await migratePglite(database.db as any, { migrationsFolder });
}
