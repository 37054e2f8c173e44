import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { verify as argonVerify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { syncPermissions } from '../modules/tenants/tenants.service.js';
import { createTestDatabase } from '../../test/harness.js';
import { withDatabase as urlFor } from '../../test/pg-server.js';
import { run } from './main.js';

type Env = Record<string, string | undefined>;

async function cli(env: Env, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env });
  return { code, out, err };
}

async function query(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values as any[])).rows;
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template, migrated again as the CLI expects. */
async function freshDatabase() {
  const db = await createTestDatabase();
  const database = await openDatabase({ url: db.url, dataDir: os.tmpdir(), poolMax: 1 });
  await migrate(database);
  await syncPermissions(database.db);
  await database.close();
  return db;
}

/** An empty database (no schema at all), dropped by the global teardown if left behind. */
async function emptyDatabase() {
  const admin = inject('pgAdminUrl');
  const name = `persada_t_${process.pid}_cli_${randomBytes(4).toString('hex')}`;
  await query(admin, `create database ${name}`);
  return { url: urlFor(admin, name), drop: () => query(admin, `drop database if exists ${name} with (force)`).then(() => undefined) };
}

const tmpDirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-cli-'));
  tmpDirs.push(d);
  return d;
};
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('tenant, admin and audit commands on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let env: Env;
  beforeAll(async () => {
    db = await freshDatabase();
    env = { DATABASE_URL: db.url, DATA_DIR: tmpDir() };
  });
  afterAll(() => db?.drop());

  it('[A1] tenant:create prints the id, tenant:list shows it, a duplicate slug is refused in Indonesian', async () => {
    const r = await cli(env, 'tenant:create', '--slug', 'kota-x', '--name', 'Kota X', '--level', 'kota', '--domain', 'xkota.go.id', '--province', 'Jawa Barat');
    expect(r.err).not.toContain('Kesalahan');
    expect(r.code).toBe(0);
    const id = r.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await query(db.url, 'select slug, name, level, domain, province_name from tenants where id = $1', [id]);
    expect(row).toEqual({ slug: 'kota-x', name: 'Kota X', level: 'kota', domain: 'xkota.go.id', province_name: 'Jawa Barat' });
    expect(await query(db.url, 'select code from roles where tenant_id = $1 and code = $2', [id, 'admin'])).toHaveLength(1);

    const list = await cli(env, 'tenant:list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/kota-x\s+Kota X\s+kota\s+[0-9a-f-]{36}/);

    const dup = await cli(env, 'tenant:create', '--slug', 'kota-x', '--name', 'Kota X Lagi', '--level', 'kota', '--domain', 'x2kota.go.id');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('Kode Pemda sudah dipakai.');
    expect(dup.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('[A1] tenant:create validates with the shared schema and reports bad arguments clearly', async () => {
    const bad = await cli(env, 'tenant:create', '--slug', 'Kota_X', '--name', 'K', '--level', 'desa', '--domain', 'bukan domain');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Data Pemda tidak valid.');
    expect(bad.err).toContain('Tingkat harus salah satu dari: provinsi, kabupaten, kota.');
    expect(bad.err).toContain('Domain tidak valid');
    const missing = await cli(env, 'tenant:create', '--slug', 'kota-z');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Opsi wajib belum diisi: --name, --level, --domain.');
    const unknown = await cli(env, 'tenant:list', '--warna', 'biru');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Argumen tidak valid.');
    expect((await cli(env, 'tenant:hapus')).code).toBe(1);
    const help = await cli(env, 'admin:create', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--password <kata-sandi>');
  });

  it('[A4] admin:create refuses a weak password with the Indonesian policy reasons', async () => {
    const r = await cli(env, 'admin:create', '--tenant', 'kota-x', '--email', 'lemah@xkota.go.id', '--name', 'Admin Lemah', '--password', 'rahasia');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Kata sandi minimal 12 karakter.');
    expect(r.err).toContain('Kata sandi harus memuat huruf besar.');
    expect(r.err).toContain('Kata sandi harus memuat angka.');
    expect(r.err).toContain('Kata sandi harus memuat simbol.');
    expect(await query(db.url, 'select 1 from users where email = $1', ['lemah@xkota.go.id'])).toHaveLength(0);
    const unknownTenant = await cli(env, 'admin:create', '--tenant', 'tidak-ada', '--email', 'a@b.go.id', '--name', 'A');
    expect(unknownTenant.code).toBe(1);
    expect(unknownTenant.err).toContain('Pemda dengan kode "tidak-ada" tidak ditemukan.');
  });

  it('[A4] admin:create without a password prints a generated one that opens the account', async () => {
    const r = await cli(env, 'admin:create', '--tenant', 'kota-x', '--email', 'Admin@XKota.go.id', '--name', 'Admin Kota X');
    expect(r.code).toBe(0);
    const password = /Kata sandi sementara \(temporary password\): (\S+)/.exec(r.out)?.[1];
    expect(password).toBeDefined();
    const [user] = await query(
      db.url,
      `select u.password_hash, u.must_change_password, r.code from users u
         join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where u.email = $1`,
      ['admin@xkota.go.id'],
    );
    expect(user.code).toBe('admin');
    expect(user.must_change_password).toBe(true);
    expect(await argonVerify(user.password_hash, password!)).toBe(true);
    expect(r.out.split(password!).length).toBe(2); // printed once

    const again = await cli(env, 'admin:create', '--tenant', 'kota-x', '--email', 'admin@xkota.go.id', '--name', 'Lagi', '--password', 'Sangat-Rahasia#2026');
    expect(again.code).toBe(1);
    expect(again.err).toContain('Email sudah terdaftar.');
  });

  it('[A1] audit:verify passes, then names the tampered entry and exits 1', async () => {
    const ok = await cli(env, 'audit:verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/kota-x\s+OK\s+\d+ entri/);
    const one = await cli(env, 'audit:verify', '--tenant', 'kota-x');
    expect(one.code).toBe(0);

    const [tenant] = await query(db.url, `select id from tenants where slug = 'kota-x'`);
    const [entry] = await query(db.url, 'select id::text as id from audit_log where tenant_id = $1 and seq = 2', [tenant.id]);
    await query(db.url, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await query(db.url, `UPDATE audit_log SET after_json = '{"x":1}' WHERE seq = 2 AND tenant_id = $1`, [tenant.id]);
    await query(db.url, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');

    const broken = await cli(env, 'audit:verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`RUSAK pada entri id ${entry.id}`);
    expect(broken.err).toContain('1 rantai audit rusak');
  });
});

describe('db:backup and db:restore on PostgreSQL', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it('[A1] backs up, restores into another database with matching chains, and refuses a tampered dump', async () => {
    const src = await freshDatabase();
    cleanup.push(src.drop);
    const dir = tmpDir();
    const env = { DATABASE_URL: src.url, DATA_DIR: dir };
    for (const n of [1, 2]) {
      expect((await cli(env, 'tenant:create', '--slug', `kab-${n}`, '--name', `Kabupaten ${n}`, '--level', 'kabupaten', '--domain', `kab${n}.go.id`)).code).toBe(0);
    }
    expect((await cli(env, 'admin:create', '--tenant', 'kab-1', '--email', 'admin@kab1.go.id', '--name', 'Admin')).code).toBe(0);

    const file = path.join(dir, 'persada.dump');
    const b = await cli(env, 'db:backup', '--out', file);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    expect(meta).toMatchObject({ format: 'persada-backup', kind: 'postgres', appVersion: '0.1.0' });
    expect(meta.tenants.map((t: any) => t.slug)).toEqual(['kab-1', 'kab-2']);
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await cli(env, 'db:backup', '--out', file)).code).toBe(1); // no silent overwrite

    const target = await emptyDatabase();
    cleanup.push(target.drop);
    const tenv = { DATABASE_URL: target.url, DATA_DIR: tmpDir() };
    const r = await cli(tenv, 'db:restore', '--in', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kab-1\s+OK\s+\d+ entri, cocok dengan cadangan/);
    expect(r.out).toMatch(/kab-2\s+OK\s+\d+ entri, cocok dengan cadangan/);
    const count = (url: string) => query(url, 'select t.slug, count(*)::int as n, max(a.seq)::int as s from audit_log a join tenants t on t.id = a.tenant_id group by t.slug order by t.slug');
    expect(await count(target.url)).toEqual(await count(src.url));
    expect(meta.tenants.map((t: any) => t.entries)).toEqual((await count(src.url)).map((x: any) => x.n));
    expect((await cli(tenv, 'audit:verify')).code).toBe(0);

    const again = await cli(tenv, 'db:restore', '--in', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Basis data tujuan tidak kosong');
    expect((await cli(tenv, 'db:restore', '--in', file, '--force')).code).toBe(0);

    // One flipped byte: refused by the SHA-256 check before anything is touched.
    const bad = path.join(dir, 'rusak.dump');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(bad, bytes);
    fs.copyFileSync(`${file}.json`, `${bad}.json`);
    const other = await freshDatabase();
    cleanup.push(other.drop);
    const t = await cli({ DATABASE_URL: other.url, DATA_DIR: tmpDir() }, 'db:restore', '--in', bad, '--force');
    expect(t.code).toBe(1);
    expect(t.err).toContain('SHA-256 berkas cadangan tidak cocok');
    expect(await query(other.url, 'select 1 from tenants')).toHaveLength(0);
  }, 120_000);
});

describe('db:backup and db:restore on PGlite', () => {
  it('[A1] backs up a PGlite data directory and restores it into a new DATA_DIR with a verified chain', async () => {
    const d1 = tmpDir();
    const env = { DATABASE_URL: undefined, DATA_DIR: d1 };
    expect((await cli(env, 'tenant:create', '--slug', 'kota-p', '--name', 'Kota P', '--level', 'kota', '--domain', 'pkota.go.id')).code).toBe(0);
    const file = path.join(d1, 'persada.tar.gz');
    const b = await cli(env, 'db:backup', '--out', file);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    expect(meta.kind).toBe('pglite');
    expect(meta.tenants[0]).toMatchObject({ slug: 'kota-p', chainOk: true });

    // A data directory in use (postmaster.pid present) is refused.
    fs.writeFileSync(path.join(d1, 'pglite', 'postmaster.pid'), '-42\n');
    const busy = await cli(env, 'db:backup', '--out', path.join(d1, 'lain.tar.gz'));
    expect(busy.code).toBe(1);
    expect(busy.err).toContain('sedang dipakai');
    fs.rmSync(path.join(d1, 'pglite', 'postmaster.pid'));

    const d2 = tmpDir();
    const env2 = { DATABASE_URL: undefined, DATA_DIR: d2 };
    const r = await cli(env2, 'db:restore', '--in', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`kota-p\\s+OK\\s+${meta.tenants[0].entries} entri, cocok dengan cadangan`));
    const v = await cli(env2, 'audit:verify');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/kota-p\s+OK/);
    expect((await cli(env2, 'db:restore', '--in', file)).err).toContain('sudah ada');
  }, 180_000);
});

describe('entry point', () => {
  it('[A1] npx tsx apps/server/src/cli/main.ts --help runs and lists the commands', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'apps/server/src/cli/main.ts', '--help'], { cwd: repoRoot, timeout: 60_000 });
    for (const c of ['tenant:create', 'tenant:list', 'admin:create', 'audit:verify', 'db:backup', 'db:restore']) expect(stdout).toContain(c);
  }, 60_000);
});
