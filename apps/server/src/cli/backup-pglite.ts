import fs from 'node:fs';
import type { Env } from '../config/env.js';
import type { RawExec } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { assertPgliteFree, chainStates, openPgliteAt, pgliteDir, pgliteExists } from './db.js';
import { fail } from './output.js';

/**
 * PGlite backup: a gzipped tarball of the data directory (PGlite's dumpDataDir), taken after a
 * CHECKPOINT by the only process allowed to have the directory open. The whole tarball is
 * held in memory, as PGlite produces it.
 */
export async function dumpPglite(env: Env, file: string) {
  const dir = pgliteDir(env);
  if (!pgliteExists(dir)) fail(`Tidak ada basis data PGlite di ${dir}.`, `No PGlite database in ${dir}.`);
  assertPgliteFree(dir);
  const { database, client } = await openPgliteAt(dir);
  try {
    const chains = await chainStates(database.raw);
    await client.exec('CHECKPOINT');
    const tarball = await client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    return { chains };
  } finally {
    await database.close();
  }
}

export type PgliteRestore = { installed: boolean; previous?: string };

/**
 * Loads the tarball into a staging directory next to DATA_DIR/pglite, migrates it and runs
 * `check`; only when the check passes is the staging directory moved into place. An existing
 * database (allowed with --force) is kept as pglite.before-restore-<time>, never deleted.
 */
export async function restorePglite(env: Env, file: string, force: boolean, check: (raw: RawExec) => Promise<boolean>): Promise<PgliteRestore> {
  const target = pgliteDir(env);
  const occupied = fs.existsSync(target) && fs.readdirSync(target).length > 0;
  if (occupied) {
    assertPgliteFree(target);
    if (!force) {
      fail(
        `Basis data PGlite sudah ada di ${target}. Gunakan --force untuk menggantinya (data lama disimpan sebagai salinan).`,
        `A PGlite database already exists in ${target}. Use --force to replace it (the old one is kept aside).`,
      );
    }
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${target}.restore-${stamp}`;
  let ok = false;
  try {
    const { database } = await openPgliteAt(staging, new Blob([fs.readFileSync(file)]));
    try {
      await migrate(database);
      ok = await check(database.raw);
    } finally {
      await database.close();
    }
  } finally {
    if (!ok) fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!ok) return { installed: false };
  let previous: string | undefined;
  if (occupied) {
    previous = `${target}.before-restore-${stamp}`;
    fs.renameSync(target, previous);
  } else if (fs.existsSync(target)) {
    fs.rmdirSync(target);
  }
  fs.renameSync(staging, target);
  return { installed: true, previous };
}
