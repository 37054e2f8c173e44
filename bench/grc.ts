/**
 * GRC list benchmark on its own (issue 3): `tsx bench/grc.ts build` creates the database
 * `persada_grc` with the bench dataset (20,000 applications, 100,000 risks, a small audit chain)
 * and keeps it; `tsx bench/grc.ts time [load]` starts the app on that database (applying any new
 * migrations), times one request of each GRC endpoint on the idle server (median of 7, every
 * statement profiled), and with `load` runs autocannon at 100 connections for 10 s on each.
 * Same endpoints and query strings as bench/run.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadEnv } from '../apps/server/src/config/env.js';
import { bootstrap, createLogger } from '../apps/server/src/app/bootstrap.js';
import { BENCH_PASSWORD, RISK_YEAR, generateDataset } from './dataset.js';
import { profileRequest } from './diagnose.js';
import { scenario } from './load.js';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.GRC_DB ?? 'persada_grc';
const u = new URL(adminUrl);
u.pathname = `/${dbName}`;
const url = u.href;
const log = (m: string) => console.log(m);

async function admin(sqlText: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

async function start() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-grc-'));
  const env = loadEnv({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    JOBS: 'false',
    RATE_LIMIT_MAX: '10000000',
    LOGIN_RATE_LIMIT: '10000000',
    WEB_DIST: path.join(dataDir, 'no-web'),
  });
  const running = await bootstrap(env, { log: createLogger(env) });
  return { running, dataDir };
}

async function build() {
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  const { running, dataDir } = await start();
  try {
    const ds = await generateDataset(
      running.deps.database,
      url,
      { opds: 100, people: 5000, auditRows: 1000, loginUsers: 20, applications: 20_000, risks: 100_000 },
      log,
    );
    log(`dataset ready in ${(ds.timings.totalMs / 1000).toFixed(1)} s; tenant ${ds.tenantId}`);
  } finally {
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits until the requests autocannon left behind have finished (no active statement for 2 s, at most 180 s). */
async function drain(raw: (q: string) => Promise<{ rows: any[] }>) {
  const t0 = performance.now();
  let quiet = 0;
  while (quiet < 4 && performance.now() - t0 < 180_000) {
    await new Promise((r) => setTimeout(r, 500));
    const { rows } = await raw(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`);
    quiet = rows[0].n === 0 ? quiet + 1 : 0;
  }
  log(`    drained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function time(load: boolean) {
  const { running, dataDir } = await start();
  try {
    const raw = running.deps.database.raw;
    await raw('analyze');
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(running.app.server.address() as { port: number }).port}`;
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.go.id', password: BENCH_PASSWORD }),
    });
    const token = res.headers.getSetCookie().map((c) => /^persada_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
    const cookie = `persada_session=${token}`;
    const tenantId = (await raw(`select id from tenants where slug = 'kab-bench'`)).rows[0].id;
    const opds = (await raw(`select id from opds where tenant_id = $1 order by created_at, id`, [tenantId])).rows;
    const sampleOpd = opds[Math.floor(opds.length / 3)]?.id;
    const stem = (await raw(`select split_part(name, ' ', 1) as stem from sys_applications where tenant_id = $1 and opd_id = $2 order by name limit 1`, [tenantId, sampleOpd])).rows[0]
      ?.stem;
    const endpoints: [string, string][] = [
      ['applications', `/api/systems/applications?opdId=${sampleOpd}&q=${encodeURIComponent(`${stem} 1`)}&page=1&pageSize=25`],
      ['applicationsAll', `/api/systems/applications?page=1&pageSize=25`],
      ['risks', `/api/risks?year=${RISK_YEAR}&needsTreatment=true&page=1&pageSize=25`],
      ['riskHeatmap', `/api/risks/heatmap?year=${RISK_YEAR}`],
      ['complianceDashboard', '/api/compliance/dashboard'],
    ];
    const only = process.env.GRC_ONLY?.split(',');
    for (const [name, p] of endpoints) {
      if (only && !only.includes(name)) continue;
      const get = async () => {
        const r = await fetch(`${base}${p}`, { headers: { cookie } });
        const body = await r.text();
        if (r.status !== 200) throw new Error(`${name}: ${r.status} ${body.slice(0, 300)}`);
        return body;
      };
      const first = JSON.parse(await get());
      const ms: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t = performance.now();
        await get();
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      const { profile } = await profileRequest(raw, name, get);
      const summary = first.total ?? first.totals ?? '';
      log(`${name}: median ${ms[3].toFixed(1)} ms (min ${ms[0].toFixed(1)}, max ${ms[6].toFixed(1)}), total ${JSON.stringify(summary)}`);
      for (const s of profile.statements.slice(0, Number(process.env.GRC_STATEMENTS ?? 3)))
        log(`    ${s.calls}× max ${s.maxMs} ms, total ${s.totalMs} ms: ${s.sql.slice(0, 160)}`);
      if (load) {
        await scenario(name, { url: `${base}${p}`, method: 'GET', headers: { cookie }, connections: 100, duration: 10, warmup: 2 }, log);
        await drain(raw);
      }
    }
  } finally {
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
(mode === 'build' ? build() : mode === 'time' ? time(process.argv[3] === 'load') : Promise.reject(new Error('usage: tsx bench/grc.ts build | time [load]'))).catch(
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
