/**
 * SOP as an official document (B8): PDF through templates/sop.typ in the layout of the Pemda
 * SOPs (header block + flow table with one column per actor), and Word through the platform's
 * DOCX renderer (same header lines and the same step table).
 */
import type { TSop } from '@persada/shared';
import type { tenants } from '../../db/schema/index.js';
import {
  BULAN,
  CONTENT_TYPES,
  letterheadFromTenant,
  renderDocx,
  renderPdf,
  slugify,
  type RenderedFile,
  type TenantLetterheadInfo,
} from '../../platform/documents/index.js';
import { kopData } from '../../platform/documents/official-data.js';

export type SopFormat = 'pdf' | 'docx';
type TenantRow = typeof tenants.$inferSelect;

/** "2019-01-03" → "03 Januari 2019"; empty → "-". */
export function tanggalIso(iso: string | null | undefined): string {
  if (!iso) return '-';
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')} ${BULAN[m - 1]} ${y}`;
}
const menit = (m: number | null) => (m == null ? '-' : `${m} Menit`);

function tenantInfo(t: TenantRow): TenantLetterheadInfo {
  return { name: t.name, level: t.level, headTitle: t.headTitle, dinasName: t.dinasName, address: t.address, phone: t.phone, email: t.email, domain: t.domain };
}

export function sopTypstData(sop: TSop, tenant: TenantRow) {
  const letterhead = letterheadFromTenant(tenantInfo(tenant));
  return {
    kop: kopData({ letterhead }, null),
    title: sop.title.toUpperCase(),
    unitHeading: (tenant.dinasName ?? 'Dinas Komunikasi dan Informatika').toUpperCase() + ' ' + letterhead.pemda.replace(/^PEMERINTAH /, ''),
    unitName: sop.unitName,
    number: sop.number,
    madeDate: tanggalIso(sop.madeDate),
    revisedDate: sop.revisedDate ? `${tanggalIso(sop.revisedDate)} (revisi ${sop.revision})` : sop.revision ? `revisi ${sop.revision}` : '-',
    effectiveDate: tanggalIso(sop.effectiveDate),
    approverPosition: (sop.approverPosition ?? '').toUpperCase(),
    approverName: sop.approverName ?? '....................................',
    approverNip: sop.approverNip,
    purpose: sop.purpose,
    scope: sop.scope,
    legalBasis: sop.legalBasis,
    qualifications: sop.qualifications,
    relatedSops: sop.relatedSops,
    equipment: sop.equipment,
    warnings: sop.warnings,
    records: sop.records,
    actors: sop.actors,
    steps: sop.steps.map((s) => ({ activity: s.activity, actor: s.actor, inputs: s.inputs, time: menit(s.minutes), output: s.output, notes: s.notes })),
    totalTime: `${sop.totalMinutes} Menit`,
  };
}

const numbered = (label: string, xs: string[]) => [`${label}:`, ...(xs.length ? xs.map((x, i) => `${i + 1}. ${x}`) : ['-'])];

export async function renderSop(sop: TSop, tenant: TenantRow, format: SopFormat): Promise<RenderedFile> {
  const filename = `sop-${slugify(`${sop.number} ${sop.title}`)}.${format}`;
  if (format === 'pdf') {
    const body = await renderPdf({ template: 'sop', data: sopTypstData(sop, tenant) });
    return { body, contentType: CONTENT_TYPES.pdf, filename };
  }
  const d = sopTypstData(sop, tenant);
  const body = await renderDocx({
    letterhead: letterheadFromTenant(tenantInfo(tenant)),
    title: `STANDAR OPERASIONAL PROSEDUR`,
    subtitle: d.title,
    number: sop.number,
    paragraphs: [
      `Unit: ${[d.unitHeading, d.unitName].filter(Boolean).join(' — ')}`,
      `Tgl. pembuatan: ${d.madeDate}; Tgl. revisi: ${d.revisedDate}; Tgl. efektif: ${d.effectiveDate}`,
      `Disahkan oleh: ${d.approverPosition} — ${d.approverName}${d.approverNip ? `, NIP ${d.approverNip}` : ''}`,
      ...(sop.purpose ? [`Tujuan: ${sop.purpose}`] : []),
      ...(sop.scope ? [`Ruang lingkup: ${sop.scope}`] : []),
      ...numbered('Dasar hukum', sop.legalBasis),
      ...numbered('Kualifikasi pelaksana', sop.qualifications),
      ...numbered('Keterkaitan', sop.relatedSops),
      ...numbered('Peralatan/perlengkapan', sop.equipment),
      ...numbered('Peringatan', sop.warnings),
      ...numbered('Pencatatan dan pendataan', sop.records),
    ],
    table: {
      columns: [
        { header: 'No', width: 0.5, align: 'center' },
        { header: 'Kegiatan', width: 4 },
        ...sop.actors.map((a) => ({ header: a, width: 1.4, align: 'center' as const })),
        { header: 'Kelengkapan', width: 2.2 },
        { header: 'Waktu', width: 1 },
        { header: 'Output', width: 2.2 },
        { header: 'Ket.', width: 1.4 },
      ],
      rows: d.steps.map((s, i) => [String(i + 1), s.activity, ...sop.actors.map((_, a) => (a === s.actor ? '●' : '')), s.inputs, s.time, s.output, s.notes]),
      totalRow: ['', 'Jumlah waktu baku', ...sop.actors.map(() => ''), '', d.totalTime, '', ''],
      emptyText: 'Belum ada langkah.',
    },
    signer: null,
    date: new Date(),
  });
  return { body, contentType: CONTENT_TYPES.docx, filename };
}
