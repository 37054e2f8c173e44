/** Compliance report of one regulation as Excel or PDF (Typst, with the kop surat). */
import type { TRegulationCompliance } from '@persada/shared';
import type { Db } from '../../db/client.js';
import { formatTanggal, letterheadFromTenant, renderOfficialPdf, renderXlsx, slugify } from '../../platform/documents/index.js';
import { notFound } from '../../platform/http/errors.js';
import * as orgRepo from '../org/org.repo.js';

export const statusLabel: Record<string, string> = { met: 'Terpenuhi', due_soon: 'Segera jatuh tempo', partly: 'Sebagian', missing: 'Belum terpenuhi' };
export const bearerLabel: Record<string, string> = {
  head_of_region: 'Kepala Daerah',
  sekda: 'Sekretaris Daerah',
  dinas: 'Dinas',
  every_opd: 'Setiap Perangkat Daerah',
  technical_team: 'Tim Pelaksana Teknis',
  technical_team_chair: 'Ketua Tim Pelaksana Teknis',
  persandian_section: 'Seksi/Bidang Persandian',
  certificate_holder: 'Pemilik Sertifikat Elektronik',
  ra_operator: 'Operator Otoritas Pendaftaran',
  every_asn: 'Setiap ASN',
  pemda: 'Pemerintah Daerah',
  third_party: 'Pihak Ketiga',
};
export const frequencyLabel: Record<string, string> = {
  once: 'Sekali',
  continuous: 'Berkelanjutan',
  on_event: 'Setiap kejadian',
  monthly: 'Bulanan',
  quarterly: 'Triwulanan',
  semester: 'Semesteran',
  yearly: 'Tahunan',
  every_5_years: 'Lima tahunan',
};

const regTitle = (c: TRegulationCompliance) => {
  const r = c.regulation;
  return `${r.issuer} Nomor ${r.number} Tahun ${r.year} tentang ${r.title}`;
};

function rowsOf(c: TRegulationCompliance) {
  return c.articles.flatMap((a) =>
    a.obligations.map((o) => ({
      pasal: a.number ? `Pasal ${a.number}` : 'Umum',
      ref: o.ref ?? '',
      text: o.text,
      bearer: bearerLabel[o.bearer] ?? o.bearer,
      frequency: frequencyLabel[o.frequency] ?? o.frequency,
      requirements: o.requirements.join(', '),
      status: statusLabel[o.status],
      detail: o.detail.id,
      validUntil: o.validUntil ?? '',
    })),
  );
}

export async function complianceXlsx(c: TRegulationCompliance) {
  const body = await renderXlsx({
    title: `Kepatuhan ${c.regulation.code}`,
    subtitle: `${regTitle(c)} — skor ${c.counts.score}% (${c.counts.met} terpenuhi, ${c.counts.due_soon} segera jatuh tempo, ${c.counts.partly} sebagian, ${c.counts.missing} belum)`,
    sheetName: 'Kepatuhan',
    columns: [
      { key: 'pasal', header: 'Pasal', width: 10 },
      { key: 'ref', header: 'Rujukan', width: 16 },
      { key: 'text', header: 'Kewajiban', width: 70 },
      { key: 'bearer', header: 'Pengemban', width: 24 },
      { key: 'frequency', header: 'Frekuensi', width: 14 },
      { key: 'requirements', header: 'Persyaratan', width: 12 },
      { key: 'status', header: 'Status', width: 18 },
      { key: 'detail', header: 'Keterangan', width: 60 },
      { key: 'validUntil', header: 'Berlaku s.d.', width: 14 },
    ],
    rows: rowsOf(c),
  });
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `kepatuhan-${slugify(c.regulation.code)}.xlsx` };
}

export async function compliancePdf(db: Db, tenantId: string, c: TRegulationCompliance) {
  const tenant = await orgRepo.getTenant(db, tenantId);
  if (!tenant) throw notFound();
  const now = new Date();
  const body = await renderOfficialPdf({
    letterhead: letterheadFromTenant(tenant),
    title: 'LAPORAN KEPATUHAN TERHADAP REGULASI',
    subtitle: regTitle(c),
    dateLine: `Keadaan per ${formatTanggal(now)}`,
    paragraphs: [
      `Skor kepatuhan ${c.counts.score}% dari ${c.counts.total} kewajiban: ${c.counts.met} terpenuhi, ${c.counts.due_soon} segera jatuh tempo, ${c.counts.partly} terpenuhi sebagian, dan ${c.counts.missing} belum terpenuhi.`,
    ],
    table: {
      columns: [
        { header: 'Pasal', width: 1.1 },
        { header: 'Kewajiban', width: 4 },
        { header: 'Pengemban', width: 1.6 },
        { header: 'Status', width: 1.4 },
        { header: 'Keterangan', width: 3 },
      ],
      rows: rowsOf(c).map((r) => [[r.pasal, r.ref].filter(Boolean), r.text, [r.bearer, r.frequency], r.status, r.detail]),
      emptyText: 'Regulasi ini belum memiliki kewajiban.',
    },
    date: now,
  });
  return { body, contentType: 'application/pdf', filename: `kepatuhan-${slugify(c.regulation.code)}.pdf` };
}
