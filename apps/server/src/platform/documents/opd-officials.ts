/**
 * Report "DAFTAR PERANGKAT DAERAH DAN PEJABAT" (requirement A2): the Pemda's OPDs with their
 * heads (name + NIP) and head counts, as PDF (templates/opd-officials.typ), DOCX, XLSX or CSV.
 */
import { renderDocx } from './docx.js';
import { formatAngka, formatNip, formatTanggal, isoDay, letterheadFromTenant, slugify } from './format.js';
import { kopData, signerData } from './official-data.js';
import { renderPdf } from './pdf.js';
import { renderCsv, renderXlsx } from './tabular.js';
import {
  CONTENT_TYPES,
  type DocumentFormat,
  type OfficialDocument,
  type RenderedFile,
  type Signer,
  type TabularExport,
  type TenantLetterheadInfo,
} from './types.js';

export type OpdOfficialRow = {
  code: string;
  name: string;
  headName?: string | null;
  headNip?: string | null;
  /** e.g. "Plt. Kepala Dinas"; printed under the name when given. */
  headPosition?: string | null;
  peopleCount: number;
};

export type OpdOfficialsInput = {
  tenant: TenantLetterheadInfo;
  opds: OpdOfficialRow[];
  signer?: Signer | null;
  date: Date;
  logoPng?: Buffer | null;
  timeZone?: string;
};

export const OPD_OFFICIALS_TITLE = 'DAFTAR PERANGKAT DAERAH DAN PEJABAT';

const EMPTY_TEXT = 'Belum ada perangkat daerah.';

function dateLine(input: OpdOfficialsInput): string {
  return `Keadaan per ${formatTanggal(input.date, input.timeZone)}`;
}

function headLines(o: OpdOfficialRow): string[] {
  const lines = [o.headName?.trim() || '—'];
  if (o.headNip?.trim()) lines.push(`NIP ${formatNip(o.headNip)}`);
  if (o.headPosition?.trim()) lines.push(o.headPosition.trim());
  return lines;
}

const total = (opds: OpdOfficialRow[]) => opds.reduce((s, o) => s + (Number(o.peopleCount) || 0), 0);

/** The data read by templates/opd-officials.typ. */
export function opdOfficialsTypstData(input: OpdOfficialsInput) {
  const letterhead = letterheadFromTenant(input.tenant, input.logoPng);
  return {
    kop: kopData({ letterhead }, 'logo'),
    title: OPD_OFFICIALS_TITLE,
    dateLine: dateLine(input),
    emptyText: EMPTY_TEXT,
    rows: input.opds.map((o, i) => ({
      no: String(i + 1),
      code: o.code,
      name: o.name,
      head: headLines(o),
      people: formatAngka(Number(o.peopleCount) || 0),
    })),
    total: formatAngka(total(input.opds)),
    signer: signerData(input.signer, input.date, input.timeZone),
  };
}

/** The same report as an OfficialDocument (used for DOCX). */
export function opdOfficialsDocument(input: OpdOfficialsInput): OfficialDocument {
  return {
    letterhead: letterheadFromTenant(input.tenant, input.logoPng),
    title: OPD_OFFICIALS_TITLE,
    dateLine: dateLine(input),
    date: input.date,
    timeZone: input.timeZone,
    signer: input.signer ?? null,
    table: {
      columns: [
        { header: 'No', width: 0.55, align: 'center' },
        { header: 'Kode', width: 1.2 },
        { header: 'Perangkat Daerah', width: 3.6 },
        { header: 'Kepala', width: 3 },
        { header: 'Jumlah Pegawai', width: 1.15, align: 'right' },
      ],
      rows: input.opds.map((o, i) => [
        String(i + 1),
        o.code,
        o.name,
        headLines(o),
        formatAngka(Number(o.peopleCount) || 0),
      ]),
      totalRow: input.opds.length ? ['', '', 'Jumlah', '', formatAngka(total(input.opds))] : undefined,
      emptyText: EMPTY_TEXT,
    },
  };
}

/** The same report as a flat table (XLSX/CSV): name, NIP and position in their own columns. */
export function opdOfficialsTable(input: OpdOfficialsInput): TabularExport {
  return {
    title: OPD_OFFICIALS_TITLE,
    subtitle: `${letterheadFromTenant(input.tenant).pemda} — ${dateLine(input)}`,
    sheetName: 'Perangkat Daerah',
    timeZone: input.timeZone,
    columns: [
      { key: 'no', header: 'No', type: 'number', width: 6 },
      { key: 'code', header: 'Kode', width: 14 },
      { key: 'name', header: 'Perangkat Daerah', width: 45 },
      { key: 'headName', header: 'Nama Kepala', width: 32 },
      { key: 'headNip', header: 'NIP Kepala', width: 22 },
      { key: 'headPosition', header: 'Jabatan Kepala', width: 30 },
      { key: 'peopleCount', header: 'Jumlah Pegawai', type: 'number', width: 16 },
    ],
    rows: input.opds.map((o, i) => ({
      no: i + 1,
      code: o.code,
      name: o.name,
      headName: o.headName ?? null,
      headNip: o.headNip ? formatNip(o.headNip) : null,
      headPosition: o.headPosition ?? null,
      peopleCount: Number(o.peopleCount) || 0,
    })),
  };
}

/** Renders the report in the requested format, with file name and content type for HTTP. */
export async function opdOfficialsReport(input: OpdOfficialsInput, format: DocumentFormat = 'pdf'): Promise<RenderedFile> {
  let body: Buffer;
  switch (format) {
    case 'pdf':
      body = await renderPdf({
        template: 'opd-officials',
        data: opdOfficialsTypstData(input),
        files: { logo: input.logoPng },
      });
      break;
    case 'docx':
      body = await renderDocx(opdOfficialsDocument(input));
      break;
    case 'xlsx':
      body = await renderXlsx(opdOfficialsTable(input));
      break;
    case 'csv':
      body = await renderCsv(opdOfficialsTable(input));
      break;
    default:
      throw new RangeError(`Unsupported format: ${String(format)}`);
  }
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: `${slugify(OPD_OFFICIALS_TITLE)}-${isoDay(input.date, input.timeZone)}.${format}`,
  };
}
