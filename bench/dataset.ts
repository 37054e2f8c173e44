/**
 * Benchmark dataset: one Pemda, its admin and login users, OPDs, people with valid NIPs (each
 * holding a position, one in five with a linked user account), and a long, valid audit hash
 * chain bulk-loaded with COPY.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseNip } from '@persada/shared';
import type { Database } from '../apps/server/src/db/client.js';
import { opds, people, positionHolders, positions, users } from '../apps/server/src/db/schema/index.js';
import { createTenant, createUserWithRoles } from '../apps/server/src/modules/tenants/tenants.service.js';
import { canonicalJson } from '../apps/server/src/platform/audit/canonical.js';
import { SEED_CODES, ensureSharedLibrary } from '../apps/server/src/modules/regulations/regulations.library.js';
import { insertApplications } from './systems.js';
import { bulkInsertRisks } from './risks.js';
import { entryHash, type ChainFields } from '../apps/server/src/platform/audit/chain.js';

export const BENCH_PASSWORD = 'Bench-Persada#2026';
/** A fragment that occurs in roughly one name in ten (first names Sari…, surnames …sari). */
export const NAME_FRAGMENT = 'sari';

export type DatasetSize = { opds: number; people: number; auditRows: number; loginUsers: number; applications: number; risks: number };
/** Year of the generated risk contexts and risks (the heat map and risk list filter on it). */
export const RISK_YEAR = 2026;
export type Dataset = {
  tenantId: string;
  adminEmail: string;
  loginEmails: string[];
  opdIds: string[];
  /** The OPD used by the filtered people list. */
  sampleOpdId: string;
  auditEntries: number;
  positions: number;
  linkedUsers: number;
  /** Electronic systems (sys_applications), every third with a categorization. */
  applications: number;
  categorizedApplications: number;
  riskContexts: number;
  risks: number;
  /** Shared-library regulations bound to the tenant (the compliance dashboard evaluates these). */
  regulationsBound: number;
  timings: { setupMs: number; orgMs: number; auditMs: number; grcMs: number; vacuumMs: number; totalMs: number };
};

/** mulberry32: a small seeded PRNG so every run generates the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Agus', 'Budi', 'Dewi', 'Sari', 'Eko', 'Fitri', 'Gunawan', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur',
  'Putu', 'Rina', 'Sarinah', 'Teguh', 'Utami', 'Wahyu', 'Yusuf', 'Zainal', 'Andi', 'Bayu', 'Citra', 'Dian', 'Erna', 'Fajar', 'Galih',
  'Hadi', 'Ika', 'Ketut', 'Lina', 'Mega', 'Nyoman', 'Oki', 'Rudi', 'Siti', 'Tri', 'Yanti'];
const LAST = ['Santoso', 'Wijaya', 'Purnamasari', 'Hidayat', 'Saputra', 'Kusumawati', 'Nugroho', 'Pratama', 'Setiawan', 'Rahmawati',
  'Siregar', 'Nasution', 'Harahap', 'Sinaga', 'Permatasari', 'Wibowo', 'Susanto', 'Halim', 'Gunadi', 'Kurniawan', 'Lubis',
  'Manurung', 'Utomo', 'Wulandari', 'Suryani', 'Hakim', 'Prasetyo', 'Ramadhan', 'Kusumasari', 'Fauzi'];
const OPD_KINDS = [
  ['dinas', 'Dinas'], ['badan', 'Badan'], ['kecamatan', 'Kecamatan'], ['kelurahan', 'Kelurahan'], ['rsud', 'RSUD'],
] as const;
const OPD_TOPICS = ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perhubungan', 'Komunikasi dan Informatika', 'Sosial', 'Pertanian',
  'Perikanan', 'Pariwisata', 'Lingkungan Hidup', 'Kependudukan', 'Perindustrian', 'Koperasi', 'Pendapatan Daerah', 'Kepegawaian',
  'Perencanaan', 'Kearsipan', 'Pemuda dan Olahraga', 'Pangan', 'Penanggulangan Bencana'];
const RANKS = ['Penata Muda (III/a)', 'Penata Muda Tk. I (III/b)', 'Penata (III/c)', 'Penata Tk. I (III/d)', 'Pembina (IV/a)', 'Pengatur (II/c)'];
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A NIP that parseNip accepts: birth date · TMT CPNS (≥ 18 years later) · sex digit · sequence. */
function makeNip(rnd: () => number, used: Set<string>): { nip: string; birthDate: string; sex: 'L' | 'P' } {
  for (;;) {
    const y = 1965 + Math.floor(rnd() * 36);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const ty = Math.min(2024, y + 18 + Math.floor(rnd() * 12));
    const tm = 1 + Math.floor(rnd() * 12);
    const sex = rnd() < 0.5 ? 'L' : 'P';
    const seq = 1 + Math.floor(rnd() * 999);
    const nip = `${y}${pad(m)}${pad(d)}${ty}${pad(tm)}${sex === 'L' ? 1 : 2}${pad(seq, 3)}`;
    if (used.has(nip)) continue;
    const parsed = parseNip(nip);
    if (!parsed.ok) throw new Error(`generated an invalid NIP ${nip}: ${parsed.error}`);
    used.add(nip);
    return { nip, birthDate: `${y}-${pad(m)}-${pad(d)}`, sex };
  }
}

/** COPY text format: backslash, tab, newline and CR escaped; NULL as \N. */
const esc = (v: string | number | null) => {
  if (v === null) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : s;
};

export async function generateDataset(database: Database, url: string, size: DatasetSize, log: (m: string) => void): Promise<Dataset> {
  const t0 = performance.now();
  const db = database.db;
  const rnd = prng(20260101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

  // Tenant, admin and the accounts used by the login benchmark (all through the app's services).
  const tenant = await createTenant(db, { slug: 'kab-bench', name: 'Kabupaten Bench', level: 'kabupaten', domain: 'bench.go.id' });
  const adminEmail = 'admin@bench.go.id';
  await createUserWithRoles(db, tenant.id, { email: adminEmail, displayName: 'Admin Bench', password: BENCH_PASSWORD, roles: [{ code: 'admin' }] });
  const loginEmails: string[] = [];
  for (let i = 1; i <= size.loginUsers; i++) {
    const email = `pengguna${i}@bench.go.id`;
    await createUserWithRoles(db, tenant.id, { email, displayName: `Pengguna ${i}`, password: BENCH_PASSWORD, roles: [{ code: 'asn' }] });
    loginEmails.push(email);
  }
  const t1 = performance.now();

  // OPDs
  const opdRows = Array.from({ length: size.opds }, (_, i) => {
    const [kind, label] = OPD_KINDS[i % OPD_KINDS.length];
    const topic = OPD_TOPICS[i % OPD_TOPICS.length];
    return { tenantId: tenant.id, code: `OPD-${pad(i + 1, 3)}`, name: `${label} ${topic} ${Math.floor(i / OPD_TOPICS.length) + 1}`, shortName: `${label.slice(0, 3)}${i + 1}`, kind, isPersandianDinas: i === 4 };
  });
  const insertedOpds = await db.insert(opds).values(opdRows).returning({ id: opds.id, name: opds.name });
  const opdIds = insertedOpds.map((o) => o.id);

  // People, spread round-robin over the OPDs; every one an ASN/PPPK with a valid NIP.
  const usedNips = new Set<string>();
  const personRows: (typeof people.$inferSelect)[] = [];
  const BATCH = 1000;
  for (let start = 0; start < size.people; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(size.people, start + BATCH); i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const { nip, birthDate, sex } = makeNip(rnd, usedNips);
      batch.push({
        tenantId: tenant.id,
        opdId: opdIds[i % opdIds.length],
        fullName: `${first} ${last}`,
        frontTitle: rnd() < 0.2 ? 'Dr.' : null,
        backTitle: rnd() < 0.6 ? pick(['S.Kom.', 'S.T.', 'S.E.', 'M.Si.', 'S.H.', 'M.T.']) : null,
        kind: (rnd() < 0.85 ? 'asn' : 'pppk') as 'asn' | 'pppk',
        nip,
        email: `${first}.${last}.${i + 1}@bench.go.id`.toLowerCase(),
        phone: `08${Math.floor(1e9 + rnd() * 9e9)}`,
        rank: pick(RANKS),
        birthDate,
        sex,
      });
    }
    personRows.push(...(await db.insert(people).values(batch).returning()));
  }
  // Every civil servant holds a position (jabatan): the OPD's first person is its head, the others are
  // fungsional / pelaksana staff. One person in five has a user account linked to their record.
  const firstOfOpd = new Set(opdIds.map((o) => personRows.find((r) => r.opdId === o)!.id));
  const opdName = new Map(insertedOpds.map((o) => [o.id, o.name]));
  let holders = 0;
  for (let start = 0; start < personRows.length; start += BATCH) {
    const batch = personRows.slice(start, start + BATCH);
    const pos = await db
      .insert(positions)
      .values(
        batch.map((p) => {
          if (firstOfOpd.has(p.id)) return { tenantId: tenant.id, opdId: p.opdId, name: `Kepala ${opdName.get(p.opdId)}`, kind: 'struktural', isHead: true };
          const fungsional = rnd() < 0.4;
          return { tenantId: tenant.id, opdId: p.opdId, name: fungsional ? 'Pranata Komputer Ahli Pertama' : 'Pengadministrasi Umum', kind: fungsional ? 'fungsional' : 'pelaksana' };
        }),
      )
      .returning({ id: positions.id });
    await db.insert(positionHolders).values(batch.map((p, k) => ({ tenantId: tenant.id, positionId: pos[k].id, personId: p.id, startDate: '2023-01-02' })));
    holders += batch.length;
  }
  const linked = personRows.filter((_, k) => k % 5 === 0);
  for (let start = 0; start < linked.length; start += BATCH) {
    await db.insert(users).values(linked.slice(start, start + BATCH).map((p) => ({ tenantId: tenant.id, personId: p.id, email: p.email, displayName: p.fullName })));
  }
  const t2 = performance.now();
  log(`  org: ${size.opds} OPDs, ${personRows.length} people, ${holders} positions with holders, ${linked.length} linked user accounts in ${((t2 - t1) / 1000).toFixed(1)} s`);

  // Audit chain: continue from what createTenant / createUserWithRoles already wrote.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let auditEntries = 0;
  try {
    const { rows } = await client.query(
      `select seq, hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from audit_log where tenant_id = $1 order by seq desc limit 1`,
      [tenant.id],
    );
    let seq = Number(rows[0].seq);
    let prevHash: string = rows[0].hash;
    const existing = seq;
    // Timestamps are non-decreasing along the chain, as the app writes them. They are compressed into
    // the seconds after the tenant was created: the append-only trigger forbids backdating earlier rows.
    const startMs = Date.parse(rows[0].at);
    const actors = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), label: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}` }));
    const total = size.auditRows;
    let i = 0;
    const line = () => {
      const actor = actors[Math.floor(rnd() * actors.length)];
      const r = rnd();
      let action: string, entity: string, entityId: string | null, before: unknown = null, after: unknown = null;
      if (r < 0.3) {
        [action, entity, entityId, after] = ['auth.login', 'user', actor.id, { mfaPending: false, userAgent: UA.slice(0, 120) }];
      } else if (r < 0.35) {
        [action, entity, entityId] = ['auth.logout', 'user', actor.id];
      } else if (r < 0.6) {
        const p = personRows[Math.floor(rnd() * personRows.length)];
        const isCreate = r < 0.4;
        action = isCreate ? 'create' : 'update';
        [entity, entityId] = ['person', p.id];
        before = isCreate ? null : p;
        after = isCreate ? p : { ...p, phone: `08${Math.floor(1e9 + rnd() * 9e9)}`, updatedAt: new Date(startMs) };
      } else if (r < 0.75) {
        [action, entity, entityId] = [rnd() < 0.5 ? 'create' : 'update', 'document', randomUUID()];
        after = { title: `Nota Dinas ${Math.floor(rnd() * 10000)}`, number: `800/${Math.floor(rnd() * 999)}/2026`, classification: pick(['biasa', 'terbatas', 'rahasia']) };
      } else if (r < 0.8) {
        const o = insertedOpds[Math.floor(rnd() * insertedOpds.length)];
        [action, entity, entityId, before, after] = ['update', 'opd', o.id, { name: o.name }, { name: o.name, email: 'opd@bench.go.id' }];
      } else if (r < 0.9) {
        [action, entity, entityId] = ['update', 'asset', randomUUID()];
        after = { name: `Server ${Math.floor(rnd() * 500)}`, owner: actor.label, criticality: pick(['rendah', 'sedang', 'tinggi']) };
      } else {
        [action, entity, entityId] = ['create', 'incident', randomUUID()];
        after = { title: 'Percobaan phishing', severity: pick(['rendah', 'sedang', 'tinggi']), status: 'baru' };
      }
      const f: ChainFields = {
        tenantId: tenant.id,
        seq: ++seq,
        at: new Date(startMs + Math.floor(i / 50)).toISOString(),
        actorUserId: actor.id,
        actorLabel: actor.label,
        action,
        entity,
        entityId,
        before: before === null ? null : canonicalJson(before),
        after: after === null ? null : canonicalJson(after),
        requestId: randomUUID(),
        ip: `10.${Math.floor(rnd() * 256)}.${Math.floor(rnd() * 256)}.${1 + Math.floor(rnd() * 254)}`,
        prevHash,
      };
      const hash = entryHash(f);
      prevHash = hash;
      return [f.tenantId, f.seq, f.at, f.actorUserId, f.actorLabel, f.action, f.entity, f.entityId, f.before, f.after, f.requestId, f.ip, f.prevHash, hash]
        .map(esc)
        .join('\t') + '\n';
    };
    // Bounded memory: 2,000 rows per chunk, pulled by COPY's back-pressure.
    const source = new Readable({
      read() {
        let chunk = '';
        for (let k = 0; k < 2000 && i < total; k++, i++) chunk += line();
        if (chunk) this.push(chunk);
        if (i >= total) this.push(null);
        if (i % 100_000 === 0 && chunk) log(`  audit: ${i.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      },
    });
    await pipeline(
      source,
      client.query(
        copyFrom(`copy audit_log (tenant_id, seq, at, actor_user_id, actor_label, action, entity, entity_id, before_json, after_json, request_id, ip, prev_hash, hash) from stdin`),
      ),
    );
    auditEntries = existing + total;
  } finally {
    await client.end();
  }
  const t3 = performance.now();
  log(`  audit: ${size.auditRows.toLocaleString('en')} entries via COPY in ${((t3 - t2) / 1000).toFixed(1)} s`);

  // GRC: electronic systems (bench/systems.ts, round-robin over the OPDs, every third categorized), one risk
  // context per OPD for RISK_YEAR with the risks spread over them (bench/risks.ts), and the tenant bound to the
  // national seed regulations, as the demo Pemda is, so the compliance dashboard has obligations to evaluate.
  const grcClient = new pg.Client({ connectionString: url });
  await grcClient.connect();
  let applications = 0;
  try {
    applications = (await insertApplications(grcClient, tenant.id, opdIds, size.applications)).length;
  } finally {
    await grcClient.end();
  }
  const riskResult = await bulkInsertRisks(db, { tenantId: tenant.id, opdIds, n: size.risks, year: RISK_YEAR });
  await ensureSharedLibrary(db);
  const bound = await database.raw(
    `insert into regulation_bindings (tenant_id, regulation_id) select $1, r.id from regulations r
     where r.tenant_id is null and r.status <> 'diganti' and r.code = any($2::text[]) on conflict do nothing returning regulation_id`,
    [tenant.id, [...SEED_CODES]],
  );
  const t3g = performance.now();
  log(`  grc: ${applications.toLocaleString('en')} applications, ${riskResult.risks.toLocaleString('en')} risks in ${riskResult.contexts} contexts (${RISK_YEAR}), ${bound.rows.length} regulations bound in ${((t3g - t3) / 1000).toFixed(1)} s`);
  // Steady state: statistics and the visibility map (index-only scans) as autovacuum would leave them.
  await database.raw('vacuum (analyze)');
  const t4 = performance.now();
  log(`  vacuum analyze in ${((t4 - t3g) / 1000).toFixed(1)} s`);

  return {
    tenantId: tenant.id,
    adminEmail,
    loginEmails,
    opdIds,
    sampleOpdId: opdIds[Math.floor(opdIds.length / 3)],
    auditEntries,
    positions: holders,
    linkedUsers: linked.length,
    applications,
    categorizedApplications: Math.ceil(applications / 3),
    riskContexts: riskResult.contexts,
    risks: riskResult.risks,
    regulationsBound: bound.rows.length,
    timings: { setupMs: t1 - t0, orgMs: t2 - t1, auditMs: t3 - t2, grcMs: t3g - t3, vacuumMs: t4 - t3g, totalMs: t4 - t0 },
  };
}
