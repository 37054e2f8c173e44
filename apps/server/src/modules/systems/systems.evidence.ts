import { sql, type SQL } from 'drizzle-orm';
import { techDocItems } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { EvidenceCheck, EvidenceContext, EvidenceRecord, EvidenceResult, EvidenceStatus } from '../../platform/compliance/evidence.js';

/* Evidence checks of the systems module: each reads the tenant's real register rows. */

type Row = { id: string; label: string; ok: boolean };
const MAX_RECORDS = 50;

const hrefs: Record<string, (id: string) => string> = {
  sys_application: (id) => `/sistem/aplikasi/${id}`,
  sys_device: () => `/sistem/perangkat`,
  sys_ip_address: () => `/sistem/ip`,
  sys_subdomain: () => `/sistem/domain`,
  sys_database: () => `/sistem/basis-data`,
  sys_third_party: () => `/sistem/pihak-ketiga`,
  sys_interconnection: () => `/sistem/pihak-ketiga`,
  sys_security_asset: () => `/sistem/aset-keamanan`,
};

const recs = (entity: string, rows: Omit<Row, 'ok'>[]): EvidenceRecord[] =>
  rows.slice(0, MAX_RECORDS).map((r) => ({ entity, id: r.id, label: r.label, href: hrefs[entity]?.(r.id) }));

async function rows(db: DbOrTx, q: ReturnType<typeof sql>) {
  return rowsOf<Row>(await db.execute(q));
}

/**
 * The rows a check judges, as SQL parts: `from` is the FROM and WHERE of the register rows, `ok` the
 * condition a row must meet, `order` how records are listed. Counted in SQL; at most MAX_RECORDS rows
 * are read back.
 */
type Rows = { from: SQL; id: SQL; label: SQL; ok: SQL; order: SQL };
type Text = { none: [string, string]; all: (n: number) => [string, string]; some: (ok: number, n: number) => [string, string] };

/**
 * All rows ok → met, some → partly, none ok (or no rows) → missing. Records: the rows still
 * lacking when partly/missing, else the rows that prove it (the first MAX_RECORDS in `order`).
 */
async function judge(db: DbOrTx, c: EvidenceContext, entity: string, q: Rows, text: Text): Promise<EvidenceResult> {
  const [k] = rowsOf<{ n: number; ok: number }>(await db.execute(sql`select count(*)::int as n, count(*) filter (where ${q.ok})::int as ok ${q.from}`));
  const n = Number(k.n);
  const ok = Number(k.ok);
  let status: EvidenceStatus;
  let detail: [string, string];
  if (n === 0) [status, detail] = ['missing', text.none];
  else if (ok === n) [status, detail] = ['met', text.all(n)];
  else [status, detail] = [ok ? 'partly' : 'missing', text.some(ok, n)];
  // The dashboard (withRecords false) shows no records: skip reading them.
  const shown = n === 0 || c.withRecords === false ? [] : rowsOf<Omit<Row, 'ok'>>(
    await db.execute(sql`select ${q.id} as id, ${q.label} as label ${q.from} ${status === 'met' ? sql`` : sql`and not coalesce(${q.ok}, false)`} order by ${q.order} limit ${MAX_RECORDS}`),
  );
  return { status, detail: { id: detail[0], en: detail[1] }, records: recs(entity, shown) };
}

const count = (db: DbOrTx, c: EvidenceContext, entity: string, q: Omit<Rows, 'ok'>, none: [string, string], some: (n: number) => [string, string]) =>
  judge(db, c, entity, { ...q, ok: sql`true` }, { none, all: some, some: (_o, n) => some(n) });

/** Active (not retired) applications, alias a. */
const activeApps = (tenantId: string, ok: SQL): Rows => ({
  from: sql`from sys_applications a where a.tenant_id = ${tenantId} and a.deleted_at is null and a.status <> 'retired'`,
  id: sql`a.id`,
  label: sql`a.name`,
  ok,
  order: sql`a.name, a.id`,
});

export const systemsEvidence: EvidenceCheck[] = [
  {
    key: 'systems.applications_registered',
    label: { id: 'Aplikasi terdaftar dalam register sistem elektronik', en: 'Applications recorded in the register of electronic systems' },
    evaluate: async (db, c) =>
      count(db, c, 'sys_application', activeApps(c.tenantId, sql`true`), ['Belum ada aplikasi yang terdaftar.', 'No application is registered.'], (n) => [
        `${n} aplikasi terdaftar dalam register sistem elektronik.`,
        `${n} applications are registered.`,
      ]),
  },
  {
    key: 'systems.applications_categorized',
    label: { id: 'Setiap aplikasi memiliki kategori sistem elektronik', en: 'Every application has an electronic-system category' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_application',
        // Uncorrelated: the tenant's categorized application ids are hashed once.
        activeApps(c.tenantId, sql`a.id in (select k.application_id from sys_categorizations k where k.tenant_id = ${c.tenantId})`),
        {
        none: ['Belum ada aplikasi untuk dikategorikan.', 'There is no application to categorize.'],
        all: (n) => [`Seluruh ${n} aplikasi sudah dikategorikan.`, `All ${n} applications are categorized.`],
        some: (o, n) => [`${o} dari ${n} aplikasi sudah dikategorikan.`, `${o} of ${n} applications are categorized.`],
        },
      ),
  },
  {
    key: 'systems.servers_in_data_centre',
    label: { id: 'Server OPD ditempatkan di pusat data Pemda', en: 'OPD servers are hosted in the Pemda data centre' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_device',
        {
          from: sql`from sys_devices d where d.tenant_id = ${c.tenantId} and d.deleted_at is null and d.kind = 'server'`,
          id: sql`d.id`,
          label: sql`d.name`,
          ok: sql`d.location in ('data_centre','recovery_centre')`,
          order: sql`d.name, d.id`,
        },
        {
          none: ['Belum ada server yang terdaftar.', 'No server is registered.'],
          all: (n) => [`Seluruh ${n} server berada di pusat data atau pusat pemulihan.`, `All ${n} servers are in the data or recovery centre.`],
          some: (o, n) => [`${n - o} dari ${n} server masih di luar pusat data.`, `${n - o} of ${n} servers are outside the data centre.`],
        },
      ),
  },
  {
    key: 'systems.ip_addresses_by_dinas',
    label: { id: 'Alamat IP dialokasikan dan dicatat oleh Dinas', en: 'IP addresses assigned and recorded by the Dinas' },
    evaluate: async (db, c) =>
      count(
        db,
        c,
        'sys_ip_address',
        { from: sql`from sys_ip_addresses i where i.tenant_id = ${c.tenantId} and i.deleted_at is null`, id: sql`i.id`, label: sql`host(i.address)`, order: sql`i.address, i.id` },
        ['Belum ada alamat IP yang dicatat Dinas.', 'No IP address is recorded by the Dinas.'],
        (n) => [`${n} alamat IP dialokasikan oleh Dinas.`, `${n} IP addresses are assigned by the Dinas.`],
      ),
  },
  {
    key: 'systems.subdomains_assigned',
    label: { id: 'Subdomain OPD ditetapkan dengan keputusan', en: 'OPD subdomains assigned by decree' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_subdomain',
        {
          from: sql`from sys_subdomains s where s.tenant_id = ${c.tenantId} and s.deleted_at is null and s.status <> 'rejected'`,
          id: sql`s.id`,
          label: sql`s.label`,
          ok: sql`(s.status = 'assigned' and s.decree_number is not null)`,
          order: sql`s.label, s.id`,
        },
        {
          none: ['Belum ada subdomain OPD yang tercatat.', 'No OPD subdomain is recorded.'],
          all: (n) => [`Seluruh ${n} subdomain ditetapkan dengan keputusan.`, `All ${n} subdomains are assigned by decree.`],
          some: (o, n) => [`${o} dari ${n} subdomain sudah ditetapkan; sisanya menunggu keputusan.`, `${o} of ${n} subdomains are assigned; the rest await a decision.`],
        },
      ),
  },
  {
    key: 'systems.databases_registered',
    label: { id: 'Basis data OPD terdaftar menurut kelompoknya', en: 'OPD databases registered by group' },
    evaluate: async (db, c) =>
      count(
        db,
        c,
        'sys_database',
        { from: sql`from sys_databases b where b.tenant_id = ${c.tenantId} and b.deleted_at is null`, id: sql`b.id`, label: sql`b.name`, order: sql`b.name, b.id` },
        ['Belum ada basis data yang terdaftar.', 'No database is registered.'],
        (n) => [`${n} basis data terdaftar.`, `${n} databases are registered.`],
      ),
  },
  {
    key: 'systems.wali_data_appointed',
    label: { id: 'Wali data ditetapkan dengan keputusan', en: 'Data custodians appointed by decree' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_database',
        {
          from: sql`from sys_databases b where b.tenant_id = ${c.tenantId} and b.deleted_at is null`,
          id: sql`b.id`,
          label: sql`b.name`,
          ok: sql`(b.custodian_name is not null and b.custodian_decree_number is not null and b.custodian_decree_date is not null)`,
          order: sql`b.name, b.id`,
        },
        {
          none: ['Belum ada basis data sehingga belum ada wali data.', 'No database, hence no custodian.'],
          all: (n) => [`Seluruh ${n} basis data memiliki wali data ber-SK.`, `All ${n} databases have a custodian appointed by decree.`],
          some: (o, n) => [`${o} dari ${n} basis data memiliki wali data ber-SK.`, `${o} of ${n} databases have a custodian appointed by decree.`],
        },
      ),
  },
  {
    key: 'systems.technical_docs_complete',
    label: { id: 'Dokumentasi teknis aplikasi diserahkan lengkap', en: 'Complete technical documentation handed over' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_application',
        // Complete: every item handed over with a file (one grouped pass over the tenant's documents).
        activeApps(
          c.tenantId,
          sql`a.id in (select d.application_id from sys_tech_docs d where d.tenant_id = ${c.tenantId} and d.file_id is not null and d.handed_over_on is not null
            group by d.application_id having count(*) >= ${techDocItems.length})`,
        ),
        {
          none: ['Belum ada aplikasi yang terdaftar.', 'No application is registered.'],
          all: (n) => [`Dokumentasi teknis ${n} aplikasi lengkap (9 dokumen).`, `Technical documentation of ${n} applications is complete (9 items).`],
          some: (o, n) => [`${o} dari ${n} aplikasi memiliki dokumentasi teknis lengkap.`, `${o} of ${n} applications have complete technical documentation.`],
        },
      ),
  },
  {
    key: 'systems.third_parties_sla',
    label: { id: 'Pihak ketiga menyampaikan laporan SLA berkala', en: 'Third parties submit periodic SLA reports' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_third_party',
        {
          from: sql`from sys_third_parties p where p.tenant_id = ${c.tenantId} and p.deleted_at is null
            and (p.contract_end is null or p.contract_end >= ${c.now.toISOString()}::timestamptz::date)`,
          id: sql`p.id`,
          label: sql`p.name`,
          ok: sql`exists (select 1 from sys_sla_reports s where s.third_party_id = p.id and s.period_end >= (${c.now.toISOString()}::timestamptz - interval '6 months')::date)`,
          order: sql`p.name, p.id`,
        },
        {
          none: ['Belum ada pihak ketiga dengan kontrak berjalan.', 'No third party with a running contract.'],
          all: (n) => [`Seluruh ${n} pihak ketiga menyampaikan laporan SLA dalam 6 bulan terakhir.`, `All ${n} third parties reported on their SLA in the last 6 months.`],
          some: (o, n) => [`${o} dari ${n} pihak ketiga menyampaikan laporan SLA dalam 6 bulan terakhir.`, `${o} of ${n} third parties reported on their SLA in the last 6 months.`],
        },
      ),
  },
  {
    key: 'systems.interconnections_registered',
    label: { id: 'Interkoneksi data tercatat dan melalui Dinas', en: 'Data interconnections recorded and run through the Dinas' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_interconnection',
        { from: sql`from sys_interconnections i where i.tenant_id = ${c.tenantId} and i.deleted_at is null`, id: sql`i.id`, label: sql`i.party_name`, ok: sql`i.via_dinas`, order: sql`i.party_name, i.id` },
        {
          none: ['Belum ada interkoneksi data yang tercatat.', 'No data interconnection is recorded.'],
          all: (n) => [`${n} interkoneksi data tercatat, seluruhnya melalui Dinas.`, `${n} interconnections recorded, all through the Dinas.`],
          some: (o, n) => [`${n - o} dari ${n} interkoneksi tidak melalui Dinas.`, `${n - o} of ${n} interconnections bypass the Dinas.`],
        },
      ),
  },
  {
    key: 'systems.security_assets_registered',
    label: { id: 'Aset TIK keamanan tercatat dengan fungsinya', en: 'Security ICT assets recorded with their purpose' },
    evaluate: async (db, c) => {
      const list = await rows(db, sql`select s.id, s.name as label, s.purpose as ok from sys_security_assets s where s.tenant_id = ${c.tenantId} and s.deleted_at is null and s.stage <> 'dispose' order by s.name`);
      const purposes = new Set(list.map((r) => String(r.ok)));
      const records = recs('sys_security_asset', list);
      if (!list.length) return { status: 'missing', detail: { id: 'Belum ada aset TIK keamanan yang tercatat.', en: 'No security ICT asset is recorded.' }, records };
      const status: EvidenceStatus = purposes.size >= 6 ? 'met' : 'partly';
      return {
        status,
        detail: { id: `${list.length} aset keamanan mencakup ${purposes.size} dari 6 fungsi (identifikasi s.d. pemulihan).`, en: `${list.length} security assets cover ${purposes.size} of 6 purposes (identify to recover).` },
        records,
      };
    },
  },
  {
    key: 'systems.network_devices_registered',
    label: { id: 'Perangkat jaringan tercatat', en: 'Network devices recorded' },
    evaluate: async (db, c) =>
      count(
        db,
        c,
        'sys_device',
        { from: sql`from sys_devices d where d.tenant_id = ${c.tenantId} and d.deleted_at is null and d.kind = 'network'`, id: sql`d.id`, label: sql`d.name`, order: sql`d.name, d.id` },
        ['Belum ada perangkat jaringan yang tercatat.', 'No network device is recorded.'],
        (n) => [`${n} perangkat jaringan tercatat.`, `${n} network devices are recorded.`],
      ),
  },
  {
    key: 'systems.applications_with_certificate',
    label: { id: 'Layanan elektronik menggunakan sertifikat elektronik', en: 'Electronic services use an electronic certificate' },
    evaluate: async (db, c) =>
      judge(
        db,
        c,
        'sys_application',
        {
          from: sql`from sys_applications a where a.tenant_id = ${c.tenantId} and a.deleted_at is null and a.status = 'operational'`,
          id: sql`a.id`,
          label: sql`a.name`,
          ok: sql`a.certificate is not null`,
          order: sql`a.name, a.id`,
        },
        {
          none: ['Belum ada aplikasi operasional.', 'No operational application.'],
          all: (n) => [`Seluruh ${n} aplikasi operasional menggunakan sertifikat elektronik.`, `All ${n} operational applications use an electronic certificate.`],
          some: (o, n) => [`${o} dari ${n} aplikasi operasional menggunakan sertifikat elektronik.`, `${o} of ${n} operational applications use an electronic certificate.`],
        },
      ),
  },
];
