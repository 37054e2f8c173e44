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
import { BENCH_PASSWORD, NAME_FRAGMENT, RISK_YEAR, generateDataset, type Dataset } from './dataset.js';
import { capturePeopleSql, startFloor, type Floor } from './floor.js';
import { diagnose, profileRequest, timeVerification, type RequestProfile } from './diagnose.js';
import { backgroundLoad, interleaved, scenario, type Scenario } from './load.js';
import { printTable, writeReports, type Results } from './report.js';
import { runPkiBench } from './pki.js';
import { runSigningBench } from './signing.js';
import { RISK_COUNT_CAP } from '../apps/server/src/modules/risks/risks.service.js';

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
    applications: num(process.env.BENCH_APPLICATIONS, 20_000),
    risks: num(process.env.BENCH_RISKS, 100_000),
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

/**
 * After a scenario whose requests outlast the run (the server keeps working on requests whose client has
 * gone), wait until the app is idle so the leftovers do not load the next measurement: its pg pool has no
 * checked-out or waiting clients for 3 s in a row (requests spend time in Node between statements, so
 * momentary database idleness is not enough). After 180 s, cancel what is still running in PostgreSQL.
 */
async function drain(pool: pg.Pool | null, url: string, log: (m: string) => void) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const activeSql = `from pg_stat_activity where datname = current_database() and state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`;
  try {
    const busy = async () =>
      pool ? pool.waitingCount > 0 || pool.idleCount < pool.totalCount : Number((await c.query(`select count(*) ${activeSql}`)).rows[0].count) > 0;
    const t0 = performance.now();
    let quiet = 0;
    let cancelled = false;
    while (quiet < 6) {
      await new Promise((r) => setTimeout(r, 500));
      quiet = (await busy()) ? 0 : quiet + 1;
      const waited = performance.now() - t0;
      if (!cancelled && waited > 180_000) {
        const n = (await c.query(`select pg_cancel_backend(pid) ${activeSql}`)).rowCount;
        log(`    still busy after 180 s: cancelled ${n} running statements`);
        cancelled = true;
      }
      if (waited > 240_000) break;
    }
    const waited = performance.now() - t0;
    if (waited > 4000) log(`    waited ${(waited / 1000).toFixed(1)} s for requests left over from the run to finish`);
  } finally {
    await c.end();
  }
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

    log(`generating dataset (${cfg.size.opds} OPDs, ${cfg.size.people} people, ${cfg.size.auditRows.toLocaleString('en')} audit entries, ${cfg.size.applications.toLocaleString('en')} applications, ${cfg.size.risks.toLocaleString('en')} risks) …`);
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

    // GRC and certificate-module endpoints: each must answer 200 with totals that match the data before measuring.
    // Search: the sample OPD's application name stem followed by " 1" (names are "<stem> <n>"): a subset of its applications.
    const stem = (await database.raw(`select split_part(name, ' ', 1) as stem from sys_applications where tenant_id = $1 and opd_id = $2 order by name limit 1`, [ds.tenantId, ds.sampleOpdId])).rows[0]?.stem;
    if (!stem) throw new Error('the sample OPD has no applications');
    const appQ = `${stem} 1`;
    const appsQs = `opdId=${ds.sampleOpdId}&q=${encodeURIComponent(appQ)}&page=1&pageSize=25`;
    const appsPage = await getJson(`${appUrl}/api/systems/applications?${appsQs}`, { cookie });
    const appsExpected = Number(
      (await database.raw(
        `select count(*) from sys_applications where tenant_id = $1 and opd_id = $2 and deleted_at is null and (name ilike $3 or purpose ilike $3 or url ilike $3)`,
        [ds.tenantId, ds.sampleOpdId, `%${appQ}%`],
      )).rows[0].count,
    );
    if (appsPage.total !== appsExpected || appsPage.total < 1 || appsPage.items.length !== Math.min(25, appsExpected))
      throw new Error(`application list: total ${appsPage.total}, ${appsPage.items.length} items; expected ${appsExpected}`);
    const risksQs = `year=${RISK_YEAR}&needsTreatment=true&page=1&pageSize=25`;
    const risksPage = await getJson(`${appUrl}/api/risks?${risksQs}`, { cookie });
    const risksExpected = Number(
      (await database.raw(`select count(*) from risks where tenant_id = $1 and year = $2 and needs_treatment and deleted_at is null`, [ds.tenantId, RISK_YEAR])).rows[0].count,
    );
    // The register counts up to RISK_COUNT_CAP and then says "10.000+" (totalCapped).
    const risksShown = risksExpected > RISK_COUNT_CAP ? RISK_COUNT_CAP : risksExpected;
    if (risksPage.total !== risksShown || risksPage.totalCapped !== risksExpected > RISK_COUNT_CAP || risksPage.total < 1 || risksPage.items.length !== 25)
      throw new Error(`risk list: total ${risksPage.total}${risksPage.totalCapped ? '+' : ''}; expected ${risksExpected}`);
    const heatQs = `year=${RISK_YEAR}`;
    const heat = await getJson(`${appUrl}/api/risks/heatmap?${heatQs}`, { cookie });
    if (heat.total !== ds.risks) throw new Error(`heat map: total ${heat.total}; expected ${ds.risks}`);
    const dash = await getJson(`${appUrl}/api/compliance/dashboard`, { cookie });
    const dashObligations = Number(dash.totals.total);
    if (dash.regulations.length !== ds.regulationsBound || dashObligations < 1)
      throw new Error(`compliance dashboard: ${dash.regulations.length} regulations (expected ${ds.regulationsBound}), ${dashObligations} obligations`);
    log(
      `applications q="${appQ}" in one OPD: ${appsPage.total} of ${ds.applications}; risks year=${RISK_YEAR} needsTreatment: ${risksPage.total} of ${ds.risks}; ` +
        `heat map total ${heat.total}; compliance dashboard: ${dash.regulations.length} regulations, ${dashObligations} obligations ${JSON.stringify(dash.totals)}`,
    );

    log('query plans (EXPLAIN ANALYZE of the SQL the app sends) …');
    const plans = await diagnose(running.deps, url, ds.tenantId, ds.sampleOpdId, NAME_FRAGMENT, captured);
    // One request each on the idle server: every statement the app sends is timed, the slowest EXPLAINed.
    const grcEndpoints: [string, string][] = [
      ['applications', `/api/systems/applications?${appsQs}`],
      ['risks', `/api/risks?${risksQs}`],
      ['riskHeatmap', `/api/risks/heatmap?${heatQs}`],
      ['complianceDashboard', '/api/compliance/dashboard'],
    ];
    const profiles: RequestProfile[] = [];
    let appPool: pg.Pool | null = null;
    for (const [name, pathQs] of grcEndpoints) {
      await getJson(`${appUrl}${pathQs}`, { cookie }); // warm
      const { profile, plan, pool } = await profileRequest(database.raw, name, () => getJson(`${appUrl}${pathQs}`, { cookie }));
      appPool ??= pool;
      profiles.push(profile);
      if (plan) plans.push(plan);
      const top = profile.statements[0];
      log(`  ${name}: one request ${profile.ms.toFixed(1)} ms, ${profile.statements.reduce((a, x) => a + x.calls, 0)} statements; slowest ${top ? `${top.maxMs.toFixed(1)} ms: ${top.sql.slice(0, 90)}…` : '—'}`);
    }
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
    for (const [name, pathQs] of grcEndpoints) {
      scenarios.push(await scenario(name, { ...common, url: `${appUrl}${pathQs}`, method: 'GET', headers: { cookie }, connections: cfg.connections }, log));
      await drain(appPool, url, log);
    }

    const verifyBackground = await backgroundLoad(2000);
    log(`verifying the audit chain (background CPU ${verifyBackground.cpuBusyPct ?? '?'} %, load ${verifyBackground.loadavg1}) …`);
    const verify = await timeVerification(running.deps, ds.tenantId);
    verify.app.background = verifyBackground;
    for (const v of [verify.app, verify.direct]) {
      if (!v.ok) throw new Error(`audit chain verification failed (${v.label})`);
      log(`  ${v.label}: ${v.entries.toLocaleString('en')} entries in ${(v.ms / 1000).toFixed(2)} s = ${Math.round(v.rowsPerSec).toLocaleString('en')} rows/s${v.runsMs ? ` (median of runs: ${v.runsMs.join(', ')} ms)` : ''}`);
    }
    if (verify.plan) plans.push(verify.plan);

    // Certificate modules, after the HTTP scenarios: each uses its own database / in-process objects.
    const pkiBackground = await backgroundLoad(2000);
    log(`PKI: OCSP and a ${Number(process.env.BENCH_PKI_CRL ?? 100_000).toLocaleString('en')}-entry CRL vs OpenSSL (background CPU ${pkiBackground.cpuBusyPct ?? '?'} %, load ${pkiBackground.loadavg1}) …`);
    let pki: Results['pki'];
    try {
      pki = { ...(await runPkiBench()), background: pkiBackground };
      log(`  ${JSON.stringify(pki)}`);
    } catch (e) {
      pki = { error: String((e as Error)?.stack ?? e), background: pkiBackground };
      log(`  PKI bench failed: ${e}`);
    }
    const signingBackground = await backgroundLoad(2000);
    log(`signing: PAdES prepare + assemble for a ~1 MB PDF vs openssl cms -sign (background CPU ${signingBackground.cpuBusyPct ?? '?'} %, load ${signingBackground.loadavg1}) …`);
    let signing: Results['signing'];
    try {
      signing = { ...(await runSigningBench()), background: signingBackground };
      log(`  ${JSON.stringify(signing)}`);
    } catch (e) {
      signing = { error: String((e as Error)?.stack ?? e), background: signingBackground };
      log(`  signing bench failed: ${e}`);
    }

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
        applications: ds.applications,
        categorizedApplications: ds.categorizedApplications,
        riskContexts: ds.riskContexts,
        risks: ds.risks,
        riskYear: RISK_YEAR,
        regulationsBound: ds.regulationsBound,
        applicationFilter: { opdId: ds.sampleOpdId, q: appQ, matches: appsPage.total },
        riskFilter: { year: RISK_YEAR, needsTreatment: true, matches: risksExpected, shown: `${risksPage.total}${risksPage.totalCapped ? '+' : ''}` },
        complianceTotals: dash.totals,
        timings: ds.timings,
      },
      floorSql: captured,
      plans,
      scenarios,
      verify: verify.app,
      verifyDirect: verify.direct,
      profiles,
      pki,
      signing,
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
