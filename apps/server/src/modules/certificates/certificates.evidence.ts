import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { EvidenceCheck, EvidenceContext, EvidenceResult } from '../../platform/compliance/evidence.js';

const DAY = 86_400_000;
const q = async <T = Record<string, any>>(db: DbOrTx, s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
const res = (
  status: EvidenceResult['status'],
  id: string,
  en: string,
  records: EvidenceResult['records'] = [],
  validUntil?: string | null,
): EvidenceResult => ({
  status,
  detail: { id, en },
  records,
  validUntil,
});

/** Evidence of the certificates module, judged from the tenant's real records (K1–K13). */
export const certificatesEvidence: EvidenceCheck[] = [
  {
    key: 'certificates.ra_operators_appointed',
    label: {
      id: 'Pengelola Otoritas Pendaftaran ditunjuk dan bersertifikat RA',
      en: 'RA operators appointed and holding an RA certificate',
    },
    async evaluate(db, ctx: EvidenceContext) {
      const rows = await q<{
        id: string;
        name: string;
        decree: string;
        not_after: Date | null;
      }>(
        db,
        sql`select o.id, u.display_name as name, o.decree_number as decree, o.ra_cert_not_after as not_after
          from cert_ra_operators o join users u on u.id = o.user_id where o.tenant_id = ${ctx.tenantId} and o.active order by o.created_at`,
      );
      const records = rows.map((r) => ({
        entity: 'cert_ra_operator',
        id: r.id,
        label: `${r.name} (${r.decree})`,
        href: '/sertifikat/operator',
      }));
      if (!rows.length) return res('missing', 'Belum ada Pengelola Otoritas Pendaftaran yang ditunjuk.', 'No RA operator has been appointed.');
      const valid = rows.filter((r) => r.not_after && new Date(r.not_after) > ctx.now);
      if (!valid.length)
        return res(
          'partly',
          `${rows.length} pengelola ditunjuk, belum ada yang memiliki sertifikat RA yang berlaku.`,
          `${rows.length} operator(s) appointed, none with a valid RA certificate.`,
          records,
        );
      const latest = valid.map((r) => new Date(r.not_after!)).sort((a, b) => b.getTime() - a.getTime())[0];
      if (latest.getTime() - ctx.now.getTime() < 30 * DAY)
        return res(
          'due_soon',
          'Sertifikat RA pengelola akan berakhir dalam 30 hari.',
          'The RA certificates expire within 30 days.',
          records,
          latest.toISOString(),
        );
      return res(
        'met',
        `${valid.length} pengelola ditunjuk dengan sertifikat RA yang berlaku.`,
        `${valid.length} appointed operator(s) with a valid RA certificate.`,
        records,
        latest.toISOString(),
      );
    },
  },
  {
    key: 'certificates.needs_identified',
    label: {
      id: 'Identifikasi kebutuhan sertifikat oleh setiap OPD',
      en: 'Certificate needs identified by every OPD',
    },
    async evaluate(db, ctx) {
      const [r] = await q<{
        opds: number;
        with_needs: number;
        entries: number;
        analysed: number;
      }>(
        db,
        sql`select (select count(*)::int from opds where tenant_id = ${ctx.tenantId} and deleted_at is null) as opds,
          count(distinct n.opd_id)::int as with_needs, count(n.id)::int as entries, count(n.id) filter (where n.priority is not null)::int as analysed
          from cert_needs n join opds o on o.id = n.opd_id and o.deleted_at is null where n.tenant_id = ${ctx.tenantId} and n.year = ${ctx.year} and n.deleted_at is null`,
      );
      const records = [
        {
          entity: 'cert_need',
          id: String(ctx.year),
          label: `Kebutuhan ${ctx.year}`,
          href: `/sertifikat/kebutuhan?year=${ctx.year}`,
        },
      ];
      if (!r.entries)
        return res('missing', `Belum ada identifikasi kebutuhan sertifikat tahun ${ctx.year}.`, `No certificate needs identified for ${ctx.year}.`);
      const text = `${r.with_needs} dari ${r.opds} OPD mengidentifikasi kebutuhan ${ctx.year}; ${r.analysed} dari ${r.entries} telah dianalisis.`;
      const en = `${r.with_needs} of ${r.opds} OPDs identified needs for ${ctx.year}; ${r.analysed} of ${r.entries} analysed.`;
      return res(r.with_needs >= r.opds && r.analysed === r.entries ? 'met' : 'partly', text, en, records);
    },
  },
  {
    key: 'certificates.applications_verified',
    label: {
      id: 'Permohonan diverifikasi dan dijawab dengan alasan',
      en: 'Applications verified and answered with reasons',
    },
    async evaluate(db, ctx) {
      const rows = await q<{
        id: string;
        number: string;
        name: string;
        status: string;
        submitted_at: Date | null;
      }>(
        db,
        sql`select id, number, common_name as name, status, submitted_at from cert_applications
          where tenant_id = ${ctx.tenantId} and deleted_at is null and status <> 'draft' and status <> 'cancelled' order by submitted_at desc nulls last limit 500`,
      );
      if (!rows.length) return res('missing', 'Belum ada permohonan sertifikat yang diajukan.', 'No certificate application has been submitted yet.');
      const overdue = rows.filter((r) => r.status === 'submitted' && r.submitted_at && ctx.now.getTime() - new Date(r.submitted_at).getTime() > 7 * DAY);
      const decided = rows.filter((r) => r.status !== 'submitted').length;
      if (overdue.length)
        return res(
          'partly',
          `${overdue.length} permohonan menunggu verifikasi lebih dari 7 hari.`,
          `${overdue.length} application(s) have waited more than 7 days for verification.`,
          overdue.map((r) => ({
            entity: 'cert_application',
            id: r.id,
            label: `${r.number} ${r.name}`,
            href: `/sertifikat/verifikasi/${r.id}`,
          })),
        );
      return res(
        'met',
        `${decided} permohonan telah diputus; tidak ada yang tertunda lebih dari 7 hari.`,
        `${decided} application(s) decided; none pending over 7 days.`,
      );
    },
  },
  {
    key: 'certificates.holder_obligations_accepted',
    label: {
      id: 'Perjanjian dan kewajiban pemilik sertifikat disetujui',
      en: 'Holder agreement and obligations accepted',
    },
    async evaluate(db, ctx) {
      const [r] = await q<{ total: number; accepted: number }>(
        db,
        sql`select count(*)::int as total, count(*) filter (where agreement_version is not null and agreement_accepted_at is not null)::int as accepted
          from cert_certificates where tenant_id = ${ctx.tenantId}`,
      );
      if (!r.total) return res('missing', 'Belum ada sertifikat yang diterbitkan.', 'No certificate has been issued yet.');
      return res(
        r.accepted === r.total ? 'met' : 'partly',
        `${r.accepted} dari ${r.total} pemilik menyetujui perjanjian dan kewajiban (Pasal 16–17).`,
        `${r.accepted} of ${r.total} holders accepted the agreement and obligations.`,
      );
    },
  },
  {
    key: 'certificates.renewals_tracked',
    label: {
      id: 'Pembaruan sertifikat sebelum habis masa berlaku',
      en: 'Certificates renewed before expiry',
    },
    async evaluate(db, ctx) {
      const rows = await q<{
        id: string;
        subject: string;
        not_after: Date;
        renewing: boolean;
      }>(
        db,
        sql`select c.id, c.subject_dn as subject, c.not_after,
            exists(select 1 from cert_applications a where a.renewal_of_id = c.id and a.status <> 'cancelled' and a.deleted_at is null) as renewing
          from cert_certificates c where c.tenant_id = ${ctx.tenantId} and c.status = 'active' and c.renewed_by_id is null
            and c.not_after < ${new Date(ctx.now.getTime() + 30 * DAY)} and c.not_after > ${new Date(ctx.now.getTime() - 365 * DAY)}`,
      );
      const [{ n }] = await q<{ n: number }>(db, sql`select count(*)::int as n from cert_certificates where tenant_id = ${ctx.tenantId}`);
      if (!n) return res('missing', 'Belum ada sertifikat yang diterbitkan.', 'No certificate has been issued yet.');
      const lapsed = rows.filter((r) => new Date(r.not_after) <= ctx.now && !r.renewing);
      const soon = rows.filter((r) => new Date(r.not_after) > ctx.now && !r.renewing);
      const rec = (list: typeof rows) =>
        list.map((r) => ({
          entity: 'cert_certificate',
          id: r.id,
          label: r.subject,
          href: `/sertifikat/milik/${r.id}`,
        }));
      if (lapsed.length)
        return res(
          'partly',
          `${lapsed.length} sertifikat kedaluwarsa tanpa pembaruan.`,
          `${lapsed.length} certificate(s) expired without renewal.`,
          rec(lapsed),
        );
      if (soon.length)
        return res(
          'due_soon',
          `${soon.length} sertifikat berakhir dalam 30 hari dan belum diajukan pembaruan.`,
          `${soon.length} certificate(s) expire within 30 days without a renewal application.`,
          rec(soon),
        );
      return res(
        'met',
        'Semua sertifikat yang akan berakhir telah diperbarui atau diajukan pembaruan; pengingat 30 dan 7 hari terjadwal.',
        'Every expiring certificate is renewed or has a renewal application; 30- and 7-day reminders are scheduled.',
      );
    },
  },
  {
    key: 'certificates.revocations_handled',
    label: {
      id: 'Pencabutan dan laporan kunci hilang ditangani',
      en: 'Revocations and lost-key reports handled',
    },
    async evaluate(db, ctx) {
      const rows = await q<{
        id: string;
        status: string;
        reason: string;
        created_at: Date;
        reported: boolean;
        subject: string;
        cert_id: string;
      }>(
        db,
        sql`select r.id, r.status, r.reason, r.created_at, (r.reported_to_bssn_at is not null and r.reported_to_head_at is not null) as reported, c.subject_dn as subject, c.id as cert_id
          from cert_revocations r join cert_certificates c on c.id = r.certificate_id where r.tenant_id = ${ctx.tenantId} order by r.created_at desc limit 500`,
      );
      if (!rows.length) return res('met', 'Tidak ada permintaan pencabutan atau laporan kunci hilang.', 'No revocation request or lost-key report.');
      const pending = rows.filter((r) => r.status === 'requested' && ctx.now.getTime() - new Date(r.created_at).getTime() > DAY);
      const unreported = rows.filter((r) => r.status === 'revoked' && r.reason === 'keyCompromise' && !r.reported);
      const bad = [...pending, ...unreported];
      if (bad.length)
        return res(
          'partly',
          `${pending.length} permintaan pencabutan belum diputus lebih dari 1 hari; ${unreported.length} insiden kunci belum dilaporkan ke Kepala Daerah dan BSSN.`,
          `${pending.length} revocation request(s) undecided for over a day; ${unreported.length} key incident(s) not reported to the head of region and BSSN.`,
          bad.map((r) => ({
            entity: 'cert_revocation',
            id: r.id,
            label: r.subject,
            href: '/sertifikat/pencabutan',
          })),
        );
      return res(
        'met',
        `${rows.length} permintaan pencabutan ditangani dan insiden dilaporkan.`,
        `${rows.length} revocation request(s) handled and incidents reported.`,
      );
    },
  },
  {
    key: 'certificates.yearly_evaluation',
    label: {
      id: 'Evaluasi penggunaan sertifikat tahunan dilaporkan',
      en: 'Yearly certificate-use evaluation reported',
    },
    async evaluate(db, ctx) {
      const rows = await q<{
        id: string;
        year: number;
        letter: string;
        head: string | null;
        bssn: string | null;
      }>(
        db,
        sql`select id, year, letter_number as letter, reported_to_head_at::text as head, reported_to_bssn_at::text as bssn from cert_evaluations
          where tenant_id = ${ctx.tenantId} and year in (${ctx.year}, ${ctx.year - 1}) order by year desc`,
      );
      const rec = rows.map((r) => ({
        entity: 'cert_evaluation',
        id: r.id,
        label: `Evaluasi ${r.year} (${r.letter})`,
        href: `/sertifikat/statistik?year=${r.year}`,
      }));
      const done = rows.find((r) => r.head && r.bssn);
      if (done)
        return res(
          'met',
          `Evaluasi tahun ${done.year} dilaporkan kepada Kepala Daerah dan BSSN (${done.letter}).`,
          `The ${done.year} evaluation was reported to the head of region and BSSN (${done.letter}).`,
          rec,
          `${done.year + 1}-12-31`,
        );
      if (rows.length)
        return res(
          'partly',
          'Evaluasi tahunan dicatat tetapi belum dilaporkan kepada Kepala Daerah dan BSSN.',
          'The yearly evaluation is recorded but not yet reported to the head of region and BSSN.',
          rec,
        );
      return res(
        'missing',
        `Belum ada evaluasi penggunaan sertifikat untuk tahun ${ctx.year - 1} atau ${ctx.year}.`,
        `No certificate-use evaluation for ${ctx.year - 1} or ${ctx.year}.`,
      );
    },
  },
  {
    key: 'certificates.provider_agreement',
    label: {
      id: 'Perjanjian dengan penyelenggara sertifikat (BSrE)',
      en: 'Agreement with the certificate provider (BSrE)',
    },
    async evaluate(db, ctx) {
      const rows = await q<{
        id: string;
        provider: string;
        number: string;
        valid_until: string | null;
      }>(
        db,
        sql`select id, provider, agreement_number as number, valid_until::text as valid_until from cert_provider_agreements
          where tenant_id = ${ctx.tenantId} and deleted_at is null order by signed_on desc`,
      );
      if (!rows.length)
        return res('missing', 'Perjanjian dengan penyelenggara sertifikat elektronik belum dicatat.', 'No agreement with a certificate provider is recorded.');
      const rec = rows.map((r) => ({
        entity: 'cert_provider_agreement',
        id: r.id,
        label: `${r.provider} ${r.number}`,
        href: '/sertifikat/operator',
      }));
      const today = ctx.now.toISOString().slice(0, 10);
      const valid = rows.filter((r) => !r.valid_until || r.valid_until >= today);
      if (!valid.length)
        return res('partly', 'Perjanjian dengan penyelenggara sertifikat telah berakhir.', 'The agreement with the certificate provider has expired.', rec);
      const until =
        valid
          .map((r) => r.valid_until)
          .filter(Boolean)
          .sort()
          .reverse()[0] ?? null;
      const openEnded = valid.some((r) => !r.valid_until);
      if (!openEnded && until && new Date(until).getTime() - ctx.now.getTime() < 60 * DAY)
        return res(
          'due_soon',
          `Perjanjian dengan ${valid[0].provider} berakhir ${until}.`,
          `The agreement with ${valid[0].provider} ends on ${until}.`,
          rec,
          until,
        );
      return res(
        'met',
        `Perjanjian dengan ${valid[0].provider} berlaku (${valid[0].number}).`,
        `The agreement with ${valid[0].provider} is in force (${valid[0].number}).`,
        rec,
        openEnded ? null : until,
      );
    },
  },
];
