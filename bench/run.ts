/**
 * npm run bench — builds a large Pemda on PostgreSQL, starts the real server and measures it with
 * autocannon against a bare Fastify + pg floor running the same SQL; then times audit-chain
 * verification. Prints a target table and writes docs/benchmarks.md and bench/out/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { loadEnv, repoRoot } from '../apps/server/src/config/env.js';
import { bootstrap, createLogger, type Running } from '../apps/server/src/app/bootstrap.js';
import { BENCH_PASSWORD, NAME_FRAGMENT, generateDataset, type Dataset } from './dataset.js';
import { capturePeopleSql, startFloor, type Floor } from './floor.js';
import { diagnose, timeVerification } from './diagnose.js';
import { backgroundLoad, interleaved, scenario, type Scenario } from './load.js';
import { printTable, writeReports, type Results } from './report.js';

const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));
const cfg = {
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  dbName: 'persada_bench',
  duration: num(process.env.BENCH_DURATION, 10),
  warmup: num(process.env.BENCH_WARMUP, 2),
  connections: num(process.env.BENCH_CONNECTIONS, 100),
  loginConnections: num(process.env.BENCH_LOGIN_CONNECTIONS, 10),
  keep: process.env.BENCH_KEEP === '1' || process.env.BENCH_KEEP === 'true',
  size: {
    opds: num(process.env.BENCH_OPDS, 100),
    people: num(process.env.BENCH_PEOPLE, 5000),
    auditRows: num(process.env.BENCH_AUDIT_ROWS, 1_000_000),
    loginUsers: 20,
  },
  /** The app's pool size (openDatabase default); the floor gets the same. */
  poolMax: 20,
};

const log = (m: string) => console.log(m);
const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.href;
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: cfg.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function loginCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const token = res.headers.getSetCookie().map((c) => /^persada_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!token) throw new Error('login returned no session cookie');
  return `persada_session=${token}`;
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

async function main() {
  const started = new Date();
  const url = withDatabase(cfg.adminUrl, cfg.dbName);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-bench-'));
  let running: Running | null = null;
  let floor: Floor | null = null;
  try {
    log(`Persada benchmark — ${started.toISOString()}`);
    const pgVersion = await admin(async (c) => {
      await c.query(`drop database if exists ${cfg.dbName} with (force)`);
      await c.query(`create database ${cfg.dbName}`);
      return (await c.query('show server_version')).rows[0].server_version as string;
    });
    log(`database ${cfg.dbName} created (PostgreSQL ${pgVersion})`);

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
    running = await bootstrap(env, { log: createLogger(env) });
    const database = running.deps.database;

    log(`generating dataset (${cfg.size.opds} OPDs, ${cfg.size.people} people, ${cfg.size.auditRows.toLocaleString('en')} audit entries) …`);
    const ds: Dataset = await generateDataset(database, url, cfg.size, log);
    log(`dataset ready in ${(ds.timings.totalMs / 1000).toFixed(1)} s (audit chain: ${ds.auditEntries.toLocaleString('en')} entries)`);

    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(running.app.server.address() as { port: number }).port}`;
    const cookie = await loginCookie(appUrl, ds.adminEmail);

    const captured = await capturePeopleSql(url, ds.tenantId, ds.sampleOpdId, NAME_FRAGMENT);
    floor = await startFloor(url, ds.tenantId, captured, cfg.poolMax);

    // Same answer from both before measuring anything.
    const peopleQs = `opdId=${ds.sampleOpdId}&q=${NAME_FRAGMENT}&page=1&pageSize=25`;
    const appPeople = await getJson(`${appUrl}/api/people?${peopleQs}`, { cookie });
    const floorPeople = await getJson(`${floor.url}/floor/people?${peopleQs}`);
    if (!isDeepStrictEqual(appPeople, floorPeople)) throw new Error('floor and app disagree on the people list');
    if (appPeople.total < 1) throw new Error('people filter matched nothing');
    const auditPage = await getJson(`${appUrl}/api/audit?page=1&pageSize=50`, { cookie });
    const auditEntity = await getJson(`${appUrl}/api/audit?page=1&pageSize=50&entity=person`, { cookie });
    const entityMatches = Number((await database.raw(`select count(*) from audit_log where tenant_id = $1 and entity = 'person'`, [ds.tenantId])).rows[0].count);
    log(`people filter matches ${appPeople.total} of ${cfg.size.people}; audit total ${auditPage.total}; entity=person ${entityMatches} (app shows ${auditEntity.total}${auditEntity.totalCapped ? ', capped' : ''})`);

    log('query plans (EXPLAIN ANALYZE of the SQL the app sends) …');
    const plans = await diagnose(running.deps, url, ds.tenantId, ds.sampleOpdId, NAME_FRAGMENT, captured);
    for (const p of plans) log(`  ${p.name.padEnd(34)} ${p.executionMs.toFixed(2).padStart(9)} ms  ${p.nodes[0]?.trim()}`);

    const idle = await backgroundLoad(2000);
    log(`background before load: CPU ${idle.cpuBusyPct ?? '?'} % busy, load average ${idle.loadavg1} on ${os.availableParallelism()} CPUs`);
    log('load (autocannon in a child process):');
    const common = { duration: cfg.duration, warmup: cfg.warmup };
    const scenarios: Scenario[] = [];
    scenarios.push(
      await scenario('login', {
        ...common,
        url: `${appUrl}/api/auth/login`,
        method: 'POST',
        connections: cfg.loginConnections,
        rotateLogin: { emails: ds.loginEmails, password: BENCH_PASSWORD },
      }, log),
    );
    const [people, floorRun] = await interleaved(
      ['people', { ...common, url: `${appUrl}/api/people?${peopleQs}`, method: 'GET', headers: { cookie }, connections: cfg.connections }],
      ['floor', { ...common, url: `${floor.url}/floor/people?${peopleQs}`, method: 'GET', connections: cfg.connections }],
      log,
    );
    scenarios.push(people, floorRun);
    log(`  → people ${people.summary.requestsPerSec.toFixed(1)} req/s (p99 ${people.summary.latency.p99} ms), floor ${floorRun.summary.requestsPerSec.toFixed(1)} req/s (p99 ${floorRun.summary.latency.p99} ms): ${((people.summary.requestsPerSec / floorRun.summary.requestsPerSec) * 100).toFixed(1)} %`);
    // One connection, closed loop: the service time of one request with no queueing, app vs floor.
    const solo = await interleaved(
      ['peopleSolo', { ...common, url: `${appUrl}/api/people?${peopleQs}`, method: 'GET', headers: { cookie }, connections: 1 }],
      ['floorSolo', { ...common, url: `${floor.url}/floor/people?${peopleQs}`, method: 'GET', connections: 1 }],
      log,
    );
    scenarios.push(...solo);
    scenarios.push(await scenario('audit', { ...common, url: `${appUrl}/api/audit?page=1&pageSize=50`, method: 'GET', headers: { cookie }, connections: cfg.connections }, log));
    scenarios.push(
      await scenario('auditEntity', { ...common, url: `${appUrl}/api/audit?page=1&pageSize=50&entity=person`, method: 'GET', headers: { cookie }, connections: cfg.connections }, log),
    );

    const verifyBackground = await backgroundLoad(2000);
    log(`verifying the audit chain (background CPU ${verifyBackground.cpuBusyPct ?? '?'} %, load ${verifyBackground.loadavg1}) …`);
    const verify = await timeVerification(running.deps, ds.tenantId);
    verify.app.background = verifyBackground;
    for (const v of [verify.app, verify.direct]) {
      if (!v.ok) throw new Error(`audit chain verification failed (${v.label})`);
      log(`  ${v.label}: ${v.entries.toLocaleString('en')} entries in ${(v.ms / 1000).toFixed(2)} s = ${Math.round(v.rowsPerSec).toLocaleString('en')} rows/s${v.runsMs ? ` (median of runs: ${v.runsMs.join(', ')} ms)` : ''}`);
    }
    if (verify.plan) plans.push(verify.plan);

    const results: Results = {
      date: started.toISOString(),
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        postgres: pgVersion,
        platform: `${os.type()} ${os.release()}`,
      },
      background: idle,
      config: { duration: cfg.duration, warmup: cfg.warmup, connections: cfg.connections, loginConnections: cfg.loginConnections, poolMax: cfg.poolMax },
      dataset: {
        opds: cfg.size.opds,
        people: cfg.size.people,
        positions: ds.positions,
        linkedUsers: ds.linkedUsers,
        auditEntries: ds.auditEntries,
        generatedAuditRows: cfg.size.auditRows,
        peopleFilter: { opdId: ds.sampleOpdId, q: NAME_FRAGMENT, matches: appPeople.total },
        auditEntityMatches: entityMatches,
        auditEntityShown: `${auditEntity.total}${auditEntity.totalCapped ? '+' : ''}`,
        timings: ds.timings,
      },
      floorSql: captured,
      plans,
      scenarios,
      verify: verify.app,
      verifyDirect: verify.direct,
    };
    printTable(results);
    writeReports(results, repoRoot);
  } finally {
    await floor?.close().catch((e) => log(`floor close failed: ${e}`));
    await running?.close().catch((e) => log(`app close failed: ${e}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (cfg.keep) log(`kept database ${cfg.dbName} (BENCH_KEEP=1)`);
    else await admin((c) => c.query(`drop database if exists ${cfg.dbName} with (force)`)).catch((e) => log(`drop failed: ${e}`));
  }
}

/** `npm run bench -- --report`: rebuild docs/benchmarks.md from bench/out/results.json (e.g. after editing findings.md). */
async function reportOnly() {
  const file = path.join(repoRoot, 'bench/out/results.json');
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  printTable(results);
  writeReports(results, repoRoot);
}

(process.argv.includes('--report') ? reportOnly() : main()).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
