/**
 * Generic tabular exports behind every list's "Ekspor Excel/CSV" button.
 *
 * XLSX uses exceljs' streaming writer (rows are serialised as they are added, so 50 000 rows
 * are fine): title rows, a bold shaded header that is frozen and filterable, column widths,
 * real Excel dates and numbers. Text cells are always written as strings, never formulas.
 *
 * CSV is UTF-8 with a BOM (so Excel detects the encoding), "," separated, CRLF line ends and
 * RFC 4180 quoting. Text starting with = + - @ (or tab/CR) is prefixed with ' so spreadsheet
 * programs never run it as a formula (CSV/formula injection).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DEFAULT_TIME_ZONE, zonedParts } from './format.js';
import type { TabularColumn, TabularExport } from './types.js';

type Kind = NonNullable<TabularColumn['type']>;

/**
 * Iterates rows (sync or async, e.g. a database cursor) and yields to the event loop every
 * `batch` rows, so a 50 000-row export does not stall other requests.
 */
async function* eachRow(
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  batch: number,
): AsyncGenerator<Record<string, unknown>> {
  let n = 0;
  if (Symbol.asyncIterator in rows) {
    yield* rows;
    return;
  }
  for (const r of rows) {
    yield r;
    if (++n % batch === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant or a "YYYY-MM-DD" string as a Date at UTC midnight of its calendar day. */
function toExcelDate(v: unknown, kind: 'date' | 'datetime', timeZone: string): Date | null {
  if (typeof v === 'string') {
    const m = DAY_RE.exec(v.trim());
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  // Excel has no time zones: write the wall-clock date/time of the Pemda's zone.
  const p = zonedParts(d, timeZone);
  return kind === 'date'
    ? new Date(Date.UTC(p.year, p.month - 1, p.day))
    : new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function toText(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A cell value for exceljs; text stays a string (exceljs never turns strings into formulas). */
function xlsxValue(v: unknown, kind: Kind, timeZone: string): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'number') return toNumber(v) ?? toText(v);
  if (kind === 'date' || kind === 'datetime') return toExcelDate(v, kind, timeZone) ?? toText(v);
  return toText(v);
}

const NUM_FMT: Record<Kind, string | undefined> = {
  text: '@',
  number: undefined,
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

function defaultWidth(c: TabularColumn): number {
  if (c.width) return c.width;
  if (c.type === 'date') return 12;
  if (c.type === 'datetime') return 17;
  if (c.type === 'number') return Math.max(10, c.header.length + 2);
  return Math.min(50, Math.max(12, c.header.length + 4));
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function sheetName(name: string | undefined): string {
  const s = (name ?? 'Data').replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return s || 'Data';
}

/** Renders rows as an Excel workbook (one worksheet). */
export async function renderXlsx(opts: TabularExport): Promise<Buffer> {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const cols = opts.columns;
  const n = Math.max(cols.length, 1);
  const headerRow = opts.subtitle ? 4 : 3; // title, [subtitle], blank, header

  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Persada';
  wb.title = opts.title;
  const ws = wb.addWorksheet(sheetName(opts.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: cols.length > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  ws.columns = cols.map((c) => ({
    key: c.key,
    width: defaultWidth(c),
    style: NUM_FMT[c.type ?? 'text'] ? { numFmt: NUM_FMT[c.type ?? 'text'] } : {},
  }));

  const title = ws.addRow([opts.title]);
  title.font = { bold: true, size: 14 };
  title.height = 22;
  if (n > 1) ws.mergeCells(1, 1, 1, n); // merges must be declared before the row is committed
  title.commit();
  if (opts.subtitle) {
    const sub = ws.addRow([opts.subtitle]);
    sub.font = { italic: true };
    if (n > 1) ws.mergeCells(2, 1, 2, n);
    sub.commit();
  }
  ws.addRow([]).commit();

  const header = ws.addRow(cols.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' }, top: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.numFmt = 'General';
  });
  header.commit();

  const kinds = cols.map((c) => c.type ?? 'text');
  let count = 0;
  for await (const r of eachRow(opts.rows, 500)) {
    const values = cols.map((c, i) => xlsxValue(r[c.key], kinds[i], timeZone));
    ws.addRow(values).commit();
    count++;
  }
  ws.autoFilter = `A${headerRow}:${colLetter(n)}${headerRow + Math.max(count, 1)}`;
  ws.commit();
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises text a spreadsheet would run as a formula: "=1+1" → "'=1+1". */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field with RFC 4180 quoting. */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function csvValue(v: unknown, kind: Kind, timeZone: string): string {
  if (v === null || v === undefined) return '';
  if (kind === 'number') {
    const num = toNumber(v);
    if (num !== null) return String(num);
  } else if (kind === 'date' || kind === 'datetime') {
    const d = toExcelDate(v, kind, timeZone);
    if (d) {
      const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
      return kind === 'date' ? day : `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
    }
  }
  return csvField(neutraliseFormula(toText(v)));
}

/** Renders rows as CSV (UTF-8 with BOM, header line, CRLF). The title is not included. */
export async function renderCsv(opts: TabularExport): Promise<Buffer> {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const kinds = opts.columns.map((c) => c.type ?? 'text');
  const lines: string[] = [opts.columns.map((c) => csvField(neutraliseFormula(c.header))).join(',')];
  for await (const r of eachRow(opts.rows, 2000)) {
    lines.push(opts.columns.map((c, i) => csvValue(r[c.key], kinds[i], timeZone)).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
