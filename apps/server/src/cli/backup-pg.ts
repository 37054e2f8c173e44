import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { RawExec } from '../db/client.js';
import { chainStates } from './db.js';
import { CliError, fail } from './output.js';

/**
 * pg_dump / pg_restore from the Debian packages (/usr/lib/postgresql/<major>/bin) or PATH.
 * A dump tool must be at least the server's major version; the closest such one is chosen
 * (the most likely to emit SQL the server understands).
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number): { bin: string; major: number; version: string } {
  const base = '/usr/lib/postgresql';
  const candidates = fs.existsSync(base)
    ? fs.readdirSync(base).map((v) => path.join(base, v, 'bin', name)).filter((p) => fs.existsSync(p))
    : [];
  candidates.push(name); // PATH (on Debian: pg_wrapper)
  const found: { bin: string; major: number; version: string }[] = [];
  for (const bin of candidates) {
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const m = /(\d+)(?:\.\d+)*/.exec(version.replace(/^[^)]*\)\s*/, ''));
      if (m) found.push({ bin, major: Number(m[1]), version });
    } catch {
      /* not installed */
    }
  }
  const usable = found.filter((f) => f.major >= minMajor).sort((a, b) => a.major - b.major);
  if (!usable.length) {
    const have = found.map((f) => f.version).join(', ') || '—';
    fail(
      `${name} versi ${minMajor} atau lebih baru tidak ditemukan (tersedia: ${have}). Pasang paket postgresql-client-${minMajor} atau yang lebih baru.`,
      `${name} ${minMajor} or newer not found (available: ${have}). Install postgresql-client-${minMajor} or newer.`,
    );
  }
  return usable[0];
}

/** The URL without its password (kept out of the process list) plus PGPASSWORD for the tools. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  const env = { ...process.env };
  if (password !== undefined) env.PGPASSWORD = password;
  return { dbname: u.href, env };
}

function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const name = path.basename(bin);
      const details = stderr.trim().split('\n').filter(Boolean).slice(-15);
      reject(new CliError({ id: `${name} gagal (kode keluar ${code}).`, en: `${name} failed (exit code ${code}).` }, details));
    });
  });
}

export async function serverMajor(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query(`select current_setting('server_version_num')::int as num, current_setting('server_version') as version`);
  return { major: Math.floor(rows[0].num / 10000), version: rows[0].version };
}

const rawOf = (client: pg.Client): RawExec => (text, values) => client.query(text, values as any[]);

/**
 * Dumps the database with pg_dump --format=custom. The chain summary is read in the very
 * snapshot pg_dump uses (pg_export_snapshot + --snapshot), so the sidecar matches the dump
 * exactly even while the server keeps writing.
 */
export async function dumpPostgres(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverMajor(client);
    const tool = findPgTool('pg_dump', server.major);
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query('select pg_export_snapshot() as snapshot');
    const chains = await chainStates(rawOf(client));
    const { dbname, env } = toolConnection(url);
    await runTool(tool.bin, ['--format=custom', `--snapshot=${rows[0].snapshot}`, '--no-password', `--file=${file}`, `--dbname=${dbname}`], env);
    await client.query('commit');
    return { chains, postgres: { serverVersion: server.version, pgDumpVersion: tool.version, pgDumpMajor: tool.major } };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Counts tables outside the system schemas: a non-empty target needs --force. */
export async function userTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%'`,
    );
    return rows[0].n;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * pg_restore --clean --if-exists --no-owner in one transaction: either the whole dump is
 * restored or the database is left as it was.
 */
export async function restorePostgres(url: string, file: string, dumpMajor: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let server;
  try {
    server = await serverMajor(client);
  } finally {
    await client.end().catch(() => undefined);
  }
  const tool = findPgTool('pg_restore', Math.max(server.major, dumpMajor));
  const { dbname, env } = toolConnection(url);
  await runTool(tool.bin, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--no-password', `--dbname=${dbname}`, file], env);
}
