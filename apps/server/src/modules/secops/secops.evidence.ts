import { sql } from 'drizzle-orm';
import { secopsAreas, secopsFunctions } from '@persada/shared';
import { rowsOf } from '../../db/rows.js';
import type { EvidenceCheck } from '../../platform/compliance/evidence.js';
import { addMonths, cycleSince, todayJakarta } from './secops.dates.js';
import { AREA_ID, FUNCTION_ID } from './secops.labels.js';

/**
 * Evidence checks of the security cycle and the SOC for the compliance view (R-REG):
 * JBI-35 P15 (assurance over data and infrastructure), P16 (identify, detect, protect, respond,
 * recover on the electronic systems) and P18 (security operations centre).
 */

/** P15: each infrastructure area and the data had at least one security-cycle activity in the last 12 months. */
const infrastructureAssured: EvidenceCheck = {
  key: 'secops.infrastructure_assured',
  label: {
    id: 'Pusat data, jaringan intra pemerintah, penghubung layanan SPBE dan data dijamin keamanannya (kegiatan dalam 12 bulan)',
    en: 'Data centre, intra-government network, SPBE connector and data are assured (activity in the last 12 months)',
  },
  async evaluate(db, ctx) {
    const since = cycleSince(todayJakarta(ctx.now));
    const rows = rowsOf<{ id: string; area: string; performed_on: string }>(
      await db.execute(sql`select distinct on (area) id, area, performed_on::text from secops_activities
        where tenant_id = ${ctx.tenantId} and target_kind = 'area' and deleted_at is null and performed_on >= ${since}
        order by area, performed_on desc`),
    );
    const covered = new Set(rows.map((r) => r.area));
    const missing = secopsAreas.filter((a) => !covered.has(a));
    const status = !covered.size ? 'missing' : missing.length ? 'partly' : 'met';
    return {
      status,
      detail: {
        id: `${covered.size} dari ${secopsAreas.length} area memiliki kegiatan pengamanan sejak ${since}${missing.length ? `; belum: ${missing.map((a) => AREA_ID[a]).join(', ')}` : ''}.`,
        en: `${covered.size} of ${secopsAreas.length} areas have a security activity since ${since}${missing.length ? `; missing: ${missing.join(', ')}` : ''}.`,
      },
      records: rows.map((r) => ({ entity: 'secops_activity', id: r.id, label: `${AREA_ID[r.area as 'data']} (${r.performed_on})`, href: `/operasi-keamanan/kegiatan/${r.id}` })),
    };
  },
};

/** P16: every strategic/high application had an activity of each function in the last 12 months. */
const cyclePerApplication: EvidenceCheck = {
  key: 'secops.cycle_per_application',
  label: {
    id: 'Setiap aplikasi berkategori strategis/tinggi menjalani identifikasi, deteksi, proteksi, penanggulangan dan pemulihan dalam 12 bulan',
    en: 'Every strategic/high application went through identify, detect, protect, respond and recover in the last 12 months',
  },
  async evaluate(db, ctx) {
    const since = cycleSince(todayJakarta(ctx.now));
    const rows = rowsOf<{ id: string; name: string; functions: string[] | null }>(
      await db.execute(sql`
        with latest as (
          select distinct on (c.application_id) c.application_id, c.category from sys_categorizations c
          where c.tenant_id = ${ctx.tenantId} order by c.application_id, c.assessed_on desc, c.created_at desc)
        select a.id, a.name,
          (select array_agg(distinct x.function) from secops_activities x
            where x.application_id = a.id and x.tenant_id = a.tenant_id and x.deleted_at is null and x.performed_on >= ${since}) as functions
        from sys_applications a join latest l on l.application_id = a.id
        where a.tenant_id = ${ctx.tenantId} and a.deleted_at is null and a.status <> 'retired' and l.category in ('tinggi', 'strategis')
        order by a.name`),
    );
    if (!rows.length)
      return {
        status: 'missing',
        detail: { id: 'Belum ada aplikasi berkategori strategis atau tinggi yang terdaftar.', en: 'No strategic or high application is registered yet.' },
        records: [],
      };
    const complete = rows.filter((r) => secopsFunctions.every((f) => (r.functions ?? []).includes(f)));
    const someActivity = rows.filter((r) => (r.functions ?? []).length);
    const status = complete.length === rows.length ? 'met' : someActivity.length ? 'partly' : 'missing';
    const firstGap = rows.find((r) => !complete.includes(r));
    const gapText = firstGap ? `; contoh kekurangan: ${firstGap.name} (${secopsFunctions.filter((f) => !(firstGap.functions ?? []).includes(f)).map((f) => FUNCTION_ID[f]).join(', ')})` : '';
    return {
      status,
      detail: {
        id: `${complete.length} dari ${rows.length} aplikasi strategis/tinggi lengkap kelima fungsi sejak ${since}${gapText}.`,
        en: `${complete.length} of ${rows.length} strategic/high applications have all five functions since ${since}.`,
      },
      records: complete.map((r) => ({ entity: 'sys_application', id: r.id, label: r.name, href: `/operasi-keamanan?target=${r.id}` })),
    };
  },
};

/** P18: the SOC is established (a profile exists) and reported on monitoring in the last quarter. */
const socOperating: EvidenceCheck = {
  key: 'secops.soc_operating',
  label: {
    id: 'Pusat operasi keamanan informasi ditetapkan dan melaporkan pemantauan dalam triwulan terakhir',
    en: 'The security operations centre is established and reported on monitoring in the last quarter',
  },
  async evaluate(db, ctx) {
    const since = addMonths(todayJakarta(ctx.now), -3);
    const [profile] = rowsOf<{ id: string; name: string; decree_number: string | null }>(
      await db.execute(sql`select id, name, decree_number from secops_soc_profiles where tenant_id = ${ctx.tenantId}`),
    );
    const [report] = rowsOf<{ id: string; period_start: string; period_end: string }>(
      await db.execute(sql`select id, period_start::text, period_end::text from secops_reports
        where tenant_id = ${ctx.tenantId} and deleted_at is null and period_end >= ${since} order by period_end desc limit 1`),
    );
    const records = [
      ...(profile ? [{ entity: 'secops_soc_profile', id: profile.id, label: profile.name, href: '/operasi-keamanan/soc' }] : []),
      ...(report ? [{ entity: 'secops_report', id: report.id, label: `Laporan pemantauan ${report.period_start} s.d. ${report.period_end}`, href: '/operasi-keamanan/soc' }] : []),
    ];
    if (!profile)
      return { status: 'missing', detail: { id: 'Profil pusat operasi keamanan informasi belum dicatat.', en: 'No security operations centre profile is recorded.' }, records };
    if (!report)
      return {
        status: 'partly',
        detail: { id: `${profile.name} tercatat, tetapi belum ada laporan pemantauan sejak ${since}.`, en: `${profile.name} is recorded but has no monitoring report since ${since}.` },
        records,
      };
    return {
      status: 'met',
      detail: {
        id: `${profile.name}${profile.decree_number ? ` (${profile.decree_number})` : ''}; laporan pemantauan terakhir s.d. ${report.period_end}.`,
        en: `${profile.name}; last monitoring report up to ${report.period_end}.`,
      },
      records,
      validUntil: addMonths(report.period_end, 3),
    };
  },
};

export const secopsEvidence: EvidenceCheck[] = [infrastructureAssured, cyclePerApplication, socOperating];
