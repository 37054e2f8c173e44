/**
 * PKI benchmark (runPkiBench): OCSP responses per second and a CRL with 100,000 revoked entries,
 * each beside the same operation done by OpenSSL, as a ratio. Uses its own database
 * `persada_bench_pki` on BENCH_DATABASE_URL and a scratch folder; run alone with `npx tsx bench/pki.ts`.
 *
 * - OCSP: the real server's POST /pki/<slug>/ocsp (parse, status lookup in PostgreSQL, ECDSA P-256
 *   signature) against `openssl ocsp -port` (index file, same curve), both over HTTP from the same
 *   client loop with 16 requests in flight, one process each. Also the in-process service rate.
 * - CRL: 100,000 revoked rows, then regenerateCrl() (read, hand-assembled DER, sign, store) against
 *   `openssl ca -gencrl` on an index of the same size; both outputs parsed by `openssl crl`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadEnv, repoRoot } from '../apps/server/src/config/env.js';
import { bootstrap, createLogger } from '../apps/server/src/app/bootstrap.js';
import { createTenant } from '../apps/server/src/modules/tenants/tenants.service.js';
import type { PkiCore } from '../apps/server/src/modules/pki/index.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'persada_bench_pki';
const OCSP_SECONDS = Number(process.env.BENCH_PKI_SECONDS ?? 5);
const CRL_ENTRIES = Number(process.env.BENCH_PKI_CRL ?? 100_000);
const INFLIGHT = 16;

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.href;
};
async function adminSql(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Requests/s of POST url with body, measured by autocannon in a child process (the load generator
 * never shares the event loop or time slice of the server under test), `connections` in flight.
 */
function hammer(url: string, body: Buffer, seconds: number, connections: number): Promise<number> {
  const script = `
    const autocannon = require('autocannon');
    autocannon({ url: ${JSON.stringify(url)}, method: 'POST', connections: ${connections}, duration: ${seconds},
      headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.from(${JSON.stringify(body.toString('base64'))}, 'base64') },
      (err, r) => { if (err) { console.error(err); process.exit(1); } console.log(JSON.stringify({ ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts, duration: r.duration })); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out.trim().split('\n').pop()!);
      if (r.bad > r.ok / 100) return reject(new Error(`too many failed OCSP responses: ${r.bad} of ${r.ok + r.bad}`));
      resolve(r.ok / r.duration);
    });
  });
}

export async function runPkiBench(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-bench-pki-'));
  const sh = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  await adminSql(`drop database if exists ${DB} with (force)`);
  await adminSql(`create database ${DB}`);
  const env = loadEnv({ DATABASE_URL: withDb(ADMIN_URL, DB), DATA_DIR: dir, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', JOBS: 'false', RATE_LIMIT_MAX: '10000000', WEB_DIST: path.join(dir, 'none') });
  const running = await bootstrap(env, { log: createLogger(env) });
  const out: Record<string, number> = {};
  let responder: ReturnType<typeof spawn> | null = null;
  try {
    const db = running.deps.database.db;
    const tenant = await createTenant(db, { slug: 'bench-pki', name: 'Kota Bench', level: 'kota', domain: 'bench-pki.go.id' });
    const pki = running.services.modules.get('pki')!.service as PkiCore;
    const { generateKeyPairSync } = await import('node:crypto');
    const spki = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }));
    const cert = await pki.issue(tenant.id, { profile: 'signing', subject: { commonName: 'Pengguna Bench' }, spkiDer: spki });
    const chain = await pki.chain(tenant.id);
    fs.writeFileSync(path.join(dir, 'issuing.pem'), chain.issuingPem);
    fs.writeFileSync(path.join(dir, 'ee.pem'), cert.certPem);
    sh('ocsp', '-issuer', 'issuing.pem', '-sha256', '-cert', 'ee.pem', '-reqout', 'ours.req');
    const ourReq = fs.readFileSync(path.join(dir, 'ours.req'));

    // ---- OCSP: ours over HTTP, in-process, and OpenSSL's responder --------------------------
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (running.app.server.address() as { port: number }).port;
    out.ocsp_per_s = Math.round(await hammer(`http://127.0.0.1:${port}/pki/bench-pki/ocsp`, ourReq, OCSP_SECONDS, INFLIGHT));
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) {
      await Promise.all(Array.from({ length: INFLIGHT }, () => pki.ocsp(tenant.id, ourReq)));
      n += INFLIGHT;
    }
    out.ocsp_in_process_per_s = Math.round(n / ((performance.now() - t0) / 1000));

    sh('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=OpenSSL Bench CA', '-days', '30');
    const serial = '4A'.padEnd(32, '7');
    fs.writeFileSync(path.join(dir, 'index.txt'), `V\t301231000000Z\t\t${serial}\tunknown\t/CN=Pengguna Bench\n`);
    sh('ocsp', '-issuer', 'ca.pem', '-sha256', '-serial', `0x${serial}`, '-reqout', 'openssl.req');
    const osslReq = fs.readFileSync(path.join(dir, 'openssl.req'));
    const oport = 20000 + Math.floor(Math.random() * 20000);
    responder = spawn('openssl', ['ocsp', '-index', 'index.txt', '-port', String(oport), '-rsigner', 'ca.pem', '-rkey', 'ca.key', '-CA', 'ca.pem', '-rmd', 'sha256'], { cwd: dir, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 800)); // the responder reads each accepted connection to the end: no probe
    // `openssl ocsp -port` serves one request per connection, sequentially, in one process
    out.openssl_ocsp_per_s = Math.round(await hammer(`http://127.0.0.1:${oport}/`, osslReq, OCSP_SECONDS, INFLIGHT));
    responder.kill('SIGTERM');
    responder = null;
    out.ocsp_ratio_vs_openssl = Math.round((out.ocsp_per_s / out.openssl_ocsp_per_s) * 100) / 100;

    // ---- CRL with CRL_ENTRIES revoked certificates ----------------------------------------------
    const raw = running.deps.database.raw;
    const issuer = (await raw(`select id from pki_ca_keys where tenant_id = $1 and kind = 'issuing' and status = 'active'`, [tenant.id])).rows[0].id;
    await raw(
      `insert into pki_certificates (tenant_id, issuer_id, serial_hex, profile, subject_dn, common_name, key_algorithm, not_before, not_after, sha256, cert_der, status, revoked_at, revocation_reason)
       select $1, $2, '4' || substr(md5(g::text || random()::text), 2), 'signing', 'CN=Bench ' || g, 'Bench ' || g, 'EC P-256',
              now() - interval '1 day', now() + interval '700 days', md5(g::text), '\\x00'::bytea, 'revoked', now() - (g || ' seconds')::interval,
              (array['keyCompromise','superseded','affiliationChanged','cessationOfOperation','unspecified'])[1 + g % 5]
       from generate_series(1, $3) g`,
      [tenant.id, issuer, CRL_ENTRIES],
    );
    const c0 = performance.now();
    const crl = await pki.regenerateCrl(tenant.id);
    out.crl_100k_ms = Math.round(performance.now() - c0);
    out.crl_entries = crl.entries;
    out.crl_bytes = crl.der.length;
    fs.writeFileSync(path.join(dir, 'ours.crl'), crl.der);
    const p0 = performance.now();
    const parsed = sh('crl', '-inform', 'DER', '-in', 'ours.crl', '-noout', '-text').toString();
    out.openssl_parse_ours_ms = Math.round(performance.now() - p0);
    out.crl_entries_parsed_by_openssl = (parsed.match(/Serial Number:/g) ?? []).length;

    // OpenSSL generating the same size of CRL from its index file
    const lines: string[] = [];
    const reasons = ['keyCompromise', 'superseded', 'affiliationChanged', 'cessationOfOperation', 'unspecified'];
    for (let i = 0; i < CRL_ENTRIES; i++) {
      const s = (0x40000000 + i).toString(16).toUpperCase().padEnd(32, '0');
      lines.push(`R\t301231000000Z\t261101000000Z,${reasons[i % 5]}\t${s}\tunknown\t/CN=Bench ${i}`);
    }
    fs.writeFileSync(path.join(dir, 'crl-index.txt'), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'crlnumber'), '01\n');
    fs.writeFileSync(
      path.join(dir, 'ca.cnf'),
      `[ ca ]\ndefault_ca = bench\n[ bench ]\ndatabase = crl-index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 7\nunique_subject = no\ncrl_extensions = crl_ext\n[ crl_ext ]\nauthorityKeyIdentifier = keyid:always\n`,
    );
    const o0 = performance.now();
    sh('ca', '-gencrl', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-out', 'openssl.crl', '-batch');
    out.openssl_crl_100k_ms = Math.round(performance.now() - o0);
    out.crl_ratio_vs_openssl = Math.round((out.crl_100k_ms / out.openssl_crl_100k_ms) * 100) / 100;
  } finally {
    responder?.kill('SIGTERM');
    await running.close();
    await adminSql(`drop database if exists ${DB} with (force)`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runPkiBench().then(
    (r) => {
      console.table(r);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
