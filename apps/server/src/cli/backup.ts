import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appVersion } from '../config/env.js';
import type { RawExec } from '../db/client.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { dumpPglite, restorePglite } from './backup-pglite.js';
import { dumpPostgres, restorePostgres, userTableCount } from './backup-pg.js';
import { chainStates, type ChainState } from './db.js';
import { fail, println, str, userPath, type Command, type Writer } from './output.js';

export type BackupMeta = {
  format: 'persada-backup';
  formatVersion: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  appVersion: string;
  file: string;
  sizeBytes: number;
  sha256: string;
  postgres?: { serverVersion: string; pgDumpVersion: string; pgDumpMajor: number };
  tenants: { id: string; slug: string; entries: number; lastHash: string | null; chainOk: boolean }[];
};

export const sidecarPath = (file: string) => `${file}.json`;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

function readSidecar(file: string): BackupMeta {
  const p = sidecarPath(file);
  if (!fs.existsSync(p)) fail(`Berkas keterangan cadangan ${p} tidak ditemukan.`, `Backup sidecar ${p} not found.`);
  let meta: BackupMeta;
  try {
    meta = JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch {
    fail(`Berkas keterangan cadangan ${p} bukan JSON yang valid.`, `Backup sidecar ${p} is not valid JSON.`);
  }
  if (meta?.format !== 'persada-backup' || !['pglite', 'postgres'].includes(meta.kind) || !Array.isArray(meta.tenants)) {
    fail(`${p} bukan keterangan cadangan Persada.`, `${p} is not a Persada backup sidecar.`);
  }
  return meta;
}

/** Compares the restored chains with the sidecar; prints one line per tenant. */
export function compareChains(w: Writer, expected: BackupMeta['tenants'], actual: ChainState[]): boolean {
  let ok = true;
  const byId = new Map(actual.map((a) => [a.id, a]));
  const width = Math.max(0, ...expected.map((e) => e.slug.length), ...actual.map((a) => a.slug.length));
  for (const e of expected) {
    const a = byId.get(e.id);
    byId.delete(e.id);
    let line: string;
    if (!a) line = 'HILANG dari basis data (missing from the database)';
    else if (!a.ok) line = `RUSAK pada entri id ${a.firstBrokenId} (chain broken)${e.chainOk ? '' : ' — sudah rusak saat pencadangan (already broken when backed up)'}`;
    else if (a.entries !== e.entries) line = `TIDAK COCOK: ${a.entries} entri, di cadangan ${e.entries} (entry count differs from the backup)`;
    else if (a.lastHash !== e.lastHash) line = 'TIDAK COCOK: hash entri terakhir berbeda (last hash differs from the backup)';
    else line = `OK  ${a.entries} entri, cocok dengan cadangan (matches the backup)`;
    if (!line.startsWith('OK')) ok = false;
    println(w, `${e.slug.padEnd(width)}  ${line}`);
  }
  for (const a of byId.values()) {
    ok = false;
    println(w, `${a.slug.padEnd(width)}  TIDAK ADA di cadangan (not in the backup)`);
  }
  return ok;
}

const filesNote =
  'Catatan: berkas unggahan (DATA_DIR/files) dan kunci (DATA_DIR/keys) tidak termasuk; cadangkan terpisah. ' +
  '(Uploaded files and keys in DATA_DIR are not included; back them up separately.)';

export const dbBackup: Command = {
  name: 'db:backup',
  summary: {
    id: 'Membuat cadangan penuh yang konsisten dari basis data (PGlite atau PostgreSQL) beserta berkas keterangan <berkas>.json.',
    en: 'Write a consistent full backup of the database (PGlite or PostgreSQL) plus a <file>.json sidecar.',
  },
  options: {
    out: { type: 'string', required: true, value: 'berkas', desc: { id: 'Berkas tujuan', en: 'output file' } },
    force: { type: 'boolean', desc: { id: 'Timpa berkas yang sudah ada', en: 'overwrite an existing file' } },
  },
  notes: [
    {
      id: 'PGlite: hentikan server terlebih dahulu (PGlite hanya boleh dibuka satu proses). PostgreSQL: server boleh tetap berjalan; memakai pg_dump --format=custom.',
      en: 'PGlite: stop the server first (only one process may open PGlite). PostgreSQL: the server may keep running; uses pg_dump --format=custom.',
    },
    { id: 'Cadangan memuat data pribadi dan hash kata sandi: simpan dengan aman.', en: 'Backups hold personal data and password hashes: store them securely.' },
  ],
  examples: ['db:backup --out /srv/cadangan/persada-2026-01-31.dump'],
  async run(values, { io, env }) {
    const out = userPath(str(values, 'out')!);
    if (fs.existsSync(out) && !values.force) fail(`Berkas ${out} sudah ada (gunakan --force untuk menimpa).`, `${out} exists (use --force to overwrite).`);
    if (!fs.existsSync(path.dirname(out))) fail(`Folder ${path.dirname(out)} tidak ada.`, `Folder ${path.dirname(out)} does not exist.`);
    const kind = env.DATABASE_URL ? 'postgres' : 'pglite';
    const tmp = `${out}.tmp-${process.pid}`;
    let chains: ChainState[];
    let pgInfo: BackupMeta['postgres'];
    try {
      if (kind === 'postgres') ({ chains, postgres: pgInfo } = await dumpPostgres(env.DATABASE_URL!, tmp));
      else ({ chains } = await dumpPglite(env, tmp));
      fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const meta: BackupMeta = {
      format: 'persada-backup',
      formatVersion: 1,
      kind,
      createdAt: new Date().toISOString(),
      appVersion,
      file: path.basename(out),
      sizeBytes: fs.statSync(out).size,
      sha256: await sha256File(out),
      ...(pgInfo ? { postgres: pgInfo } : {}),
      tenants: chains.map((c) => ({ id: c.id, slug: c.slug, entries: c.entries, lastHash: c.lastHash, chainOk: c.ok })),
    };
    const side = sidecarPath(out);
    fs.writeFileSync(`${side}.tmp`, JSON.stringify(meta, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(`${side}.tmp`, side);

    const entries = meta.tenants.reduce((n, t) => n + t.entries, 0);
    println(io.stdout, `Cadangan dibuat (backup written): ${out}  [${kind}, ${(meta.sizeBytes / 1024 / 1024).toFixed(1)} MB]`);
    println(io.stdout, `SHA-256: ${meta.sha256}`);
    println(io.stdout, `Keterangan (sidecar): ${side}`);
    println(io.stdout, `Jejak audit (audit trail): ${meta.tenants.length} Pemda, ${entries} entri.`);
    const broken = chains.filter((c) => !c.ok);
    for (const b of broken) {
      println(io.stderr, `Peringatan: rantai audit ${b.slug} sudah RUSAK pada entri id ${b.firstBrokenId}. (Warning: audit chain already broken.)`);
    }
    println(io.stdout, filesNote);
    return 0;
  },
};

export const dbRestore: Command = {
  name: 'db:restore',
  summary: {
    id: 'Memulihkan cadangan dari db:backup ke basis data yang dikonfigurasi, lalu memeriksa rantai audit terhadap berkas keterangan.',
    en: 'Restore a db:backup file into the configured database, then verify the audit chains against the sidecar.',
  },
  options: {
    in: { type: 'string', required: true, value: 'berkas', desc: { id: 'Berkas cadangan (dengan <berkas>.json di sebelahnya)', en: 'backup file (with <file>.json next to it)' } },
    force: {
      type: 'boolean',
      desc: { id: 'Ganti basis data yang tidak kosong', en: 'replace a non-empty database' },
    },
  },
  notes: [
    { id: 'Hentikan server Persada sebelum memulihkan.', en: 'Stop the Persada server before restoring.' },
    {
      id: 'PGlite: dipulihkan ke folder sementara lalu dipindahkan ke DATA_DIR/pglite hanya jika pemeriksaan lolos; data lama disimpan sebagai pglite.before-restore-<waktu>.',
      en: 'PGlite: restored into a staging folder and moved into DATA_DIR/pglite only when the checks pass; the old data is kept as pglite.before-restore-<time>.',
    },
    {
      id: 'PostgreSQL: pg_restore --clean --if-exists --no-owner dalam satu transaksi ke DATABASE_URL.',
      en: 'PostgreSQL: pg_restore --clean --if-exists --no-owner in one transaction into DATABASE_URL.',
    },
  ],
  examples: ['db:restore --in /srv/cadangan/persada-2026-01-31.dump', 'db:restore --in persada.dump --force'],
  async run(values, { io, env }) {
    const file = userPath(str(values, 'in')!);
    if (!fs.existsSync(file)) fail(`Berkas cadangan ${file} tidak ditemukan.`, `Backup file ${file} not found.`);
    const meta = readSidecar(file);
    const kind = env.DATABASE_URL ? 'postgres' : 'pglite';
    if (meta.kind !== kind) {
      fail(
        `Cadangan ini dibuat dari ${meta.kind}, sedangkan basis data yang dikonfigurasi adalah ${kind}${kind === 'pglite' ? ' (DATABASE_URL tidak diisi)' : ''}.`,
        `This backup was taken from ${meta.kind} but the configured database is ${kind}.`,
      );
    }
    const actual = await sha256File(file);
    if (actual !== meta.sha256) {
      fail(
        'SHA-256 berkas cadangan tidak cocok dengan berkas keterangan: berkas rusak atau telah diubah. Pemulihan dibatalkan; basis data tidak diubah.',
        'The SHA-256 of the backup file does not match its sidecar: the file is damaged or was altered. Restore aborted; the database was not changed.',
        [`diharapkan (expected): ${meta.sha256}`, `ternyata (actual):     ${actual}`],
      );
    }
    println(io.stdout, `Berkas cadangan utuh (backup file intact), SHA-256 ${actual}; dibuat (created) ${meta.createdAt}, versi aplikasi (app version) ${meta.appVersion}.`);

    const check = async (raw: RawExec) => compareChains(io.stdout, meta.tenants, await chainStates(raw));

    if (kind === 'pglite') {
      const r = await restorePglite(env, file, Boolean(values.force), check);
      if (!r.installed) {
        println(io.stderr, 'Kesalahan: pemeriksaan jejak audit gagal; cadangan TIDAK dipasang, basis data lama tidak diubah. (Audit check failed; the backup was NOT installed, the existing database is unchanged.)');
        return 1;
      }
      if (r.previous) println(io.stdout, `Basis data lama disimpan di (previous database kept in): ${r.previous}`);
      println(io.stdout, 'Pemulihan selesai dan jejak audit terverifikasi. (Restore complete; audit trail verified.)');
      return 0;
    }

    const url = env.DATABASE_URL!;
    if ((await userTableCount(url)) > 0 && !values.force) {
      fail('Basis data tujuan tidak kosong. Gunakan --force untuk menggantinya.', 'The target database is not empty. Use --force to replace it.');
    }
    await restorePostgres(url, file, meta.postgres?.pgDumpMajor ?? 0);
    const database = await openDatabase({ url, dataDir: env.DATA_DIR, poolMax: 2 });
    let ok: boolean;
    try {
      await migrate(database);
      ok = await check(database.raw);
    } finally {
      await database.close();
    }
    if (!ok) {
      println(io.stderr, 'Kesalahan: data telah dipulihkan tetapi jejak audit tidak terverifikasi atau tidak cocok dengan cadangan. (Data restored, but the audit trail does not verify or does not match the backup.)');
      return 1;
    }
    println(io.stdout, 'Pemulihan selesai dan jejak audit terverifikasi. (Restore complete; audit trail verified.)');
    return 0;
  },
};
