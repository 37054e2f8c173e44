/**
 * The shared regulation library: the seed documents shipped as YAML in ./library, loaded with the
 * same parser and writer that a Pemda's own import uses. Shared rows have tenant_id NULL and are
 * read-only for every tenant (see README.md). Loading is idempotent (code + version) and guarded
 * by an advisory lock so concurrent app instances don't race.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseRegulationText } from './regulations.import.js';
import * as repo from './regulations.repo.js';

export const LIBRARY_DIR = fileURLToPath(new URL('./library/', import.meta.url));
/** Codes of the five seeds, in the order of requirements.md. */
export const SEED_CODES = ['JBI-35', 'JBI-10', 'JMB-49', 'MDN-30', 'MJK-40'] as const;

export function libraryFiles(): string[] {
  return fs
    .readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${LIBRARY_DIR}${f}`);
}

const loaded = new WeakMap<object, Promise<void>>();

/** Makes sure the shared library is in the database (once per process and database). */
export function ensureSharedLibrary(db: Db): Promise<void> {
  let p = loaded.get(db);
  if (!p) {
    p = loadSharedLibrary(db).catch((e) => {
      loaded.delete(db);
      throw e;
    });
    loaded.set(db, p);
  }
  return p;
}

async function loadSharedLibrary(db: Db) {
  const docs = libraryFiles().map((f) => parseRegulationText(fs.readFileSync(f, 'utf8'), 'yaml'));
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('persada.regulations.library'))`);
    for (const doc of docs) {
      const latest = await repo.latestByCode(tx, null, doc.code);
      if (latest && latest.version >= doc.version) continue;
      const reg = await repo.insertDoc(tx, null, doc, latest?.id ?? null);
      if (latest) {
        await repo.setStatus(tx, latest.id, 'diganti');
        // tenants bound to the old version follow the new one; the old stays readable
        await tx.execute(sql`update regulation_bindings set regulation_id = ${reg.id} where regulation_id = ${latest.id}`);
      }
    }
  });
}
