/**
 * Reading a regulation document (R-REG): YAML, JSON or the Excel template. Every validation
 * error names where it is — the YAML line, the JSON path, or the Excel sheet, row and column —
 * in Indonesian and English. The seed library is loaded through the same `parseRegulationFile`.
 */
import ExcelJS from 'exceljs';
import YAML, { LineCounter, isMap, type Document } from 'yaml';
import {
  ZRegulationDoc,
  messages,
  isMessageKey,
  obligationBearers,
  obligationFrequencies,
  regulationKinds,
  regulationStatuses,
  type TRegulationDoc,
} from '@persada/shared';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { issueMessages } from '../../platform/http/problem.js';
import { knownEvidenceKeys } from './evidence-keys.js';

export type ImportFormat = 'yaml' | 'json' | 'xlsx';

type Located = { id: string; en: string };
/** Turns a document path into a human location ("baris 12" / "sheet Pasal, baris 7, kolom Teks"). */
type Locator = (path: (string | number)[]) => Located | null;

const pathText = (path: (string | number)[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : String(p)), '');

function fieldError(path: (string | number)[], msg: { id: string; en: string }, locate: Locator): FieldError {
  const where = locate(path);
  const p = pathText(path) || '(dokumen)';
  return {
    field: p,
    message: where ? `${where.id} (${p}): ${msg.id}` : `${p}: ${msg.id}`,
    message_en: where ? `${where.en} (${p}): ${msg.en}` : `${p}: ${msg.en}`,
  };
}

const bi = (key: string) => (isMessageKey(key) ? messages[key] : { id: key, en: key });

/** Validates a parsed document: schema, then cross-references (article numbers, evidence keys). */
export function validateDoc(raw: unknown, locate: Locator = () => null): TRegulationDoc {
  const parsed = ZRegulationDoc.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.slice(0, 50).map((i) => fieldError(i.path as (string | number)[], issueMessages(i), locate));
    throw new AppError(400, 'error.validation', fields);
  }
  const doc = parsed.data;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  doc.articles.forEach((a, i) => {
    if (seen.has(a.number)) errors.push(fieldError(['articles', i, 'number'], bi('regulations.article_duplicate'), locate));
    seen.set(a.number, i);
  });
  const keys = knownEvidenceKeys();
  doc.obligations.forEach((o, i) => {
    if (o.article && !seen.has(o.article)) errors.push(fieldError(['obligations', i, 'article'], bi('regulations.article_unknown'), locate));
    if (o.evidence && !keys.has(o.evidence)) errors.push(fieldError(['obligations', i, 'evidence'], bi('regulations.evidence_unknown'), locate));
  });
  if (errors.length) throw new AppError(400, 'error.validation', errors.slice(0, 50));
  return doc;
}

function yamlLocator(doc: Document, lc: LineCounter): Locator {
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const { line } = lc.linePos(node.range[0]);
        return { id: `Baris ${line}`, en: `Line ${line}` };
      }
    }
    return null;
  };
}

const unreadable = (detail?: string): AppError =>
  new AppError(400, 'regulations.file_unreadable', detail ? [{ field: 'file', message: `${messages['regulations.file_unreadable'].id} ${detail}`, message_en: `${messages['regulations.file_unreadable'].en} ${detail}` }] : []);

export function detectFormat(filename: string, data: Buffer): ImportFormat {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx') || (data[0] === 0x50 && data[1] === 0x4b)) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  return 'yaml';
}

/** Parses and validates a YAML or JSON text. */
export function parseRegulationText(text: string, format: 'yaml' | 'json'): TRegulationDoc {
  if (format === 'json') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw unreadable(String((e as Error).message));
    }
    return validateDoc(raw);
  }
  const lc = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw unreadable(line ? `Baris/Line ${line}: ${e.code}` : e.code);
  }
  if (!isMap(doc.contents)) throw unreadable();
  return validateDoc(doc.toJS(), yamlLocator(doc, lc));
}

// ---- Excel template ----

const META_ROWS: { key: keyof TRegulationDoc; label: string; hint: string }[] = [
  { key: 'code', label: 'Kode', hint: 'Kode unik, mis. PERWAL-12-2024' },
  { key: 'kind', label: 'Jenis', hint: regulationKinds.join(', ') },
  { key: 'issuer', label: 'Penerbit', hint: 'mis. Wali Kota Contoh' },
  { key: 'region', label: 'Wilayah', hint: 'mis. Kota Contoh' },
  { key: 'number', label: 'Nomor', hint: 'Nomor peraturan' },
  { key: 'year', label: 'Tahun', hint: 'Tahun penetapan' },
  { key: 'title', label: 'Judul', hint: 'Judul (tentang …)' },
  { key: 'status', label: 'Status', hint: regulationStatuses.join(', ') },
  { key: 'version', label: 'Versi', hint: '1 untuk versi pertama; naikkan untuk perubahan' },
  { key: 'effectiveDate', label: 'Tanggal Berlaku', hint: 'TTTT-BB-HH' },
];
const ARTICLE_COLS = ['BAB', 'Bagian', 'Pasal', 'Ayat', 'Huruf', 'Angka', 'Teks'] as const;
const OBLIGATION_COLS = ['Pasal', 'Rujukan', 'Kewajiban', 'Pengemban', 'Frekuensi', 'ID Persyaratan', 'Kunci Bukti'] as const;

/** The downloadable Excel template (sheets Regulasi, Pasal, Kewajiban, Petunjuk). */
export async function excelTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Persada';
  const meta = wb.addWorksheet('Regulasi');
  meta.columns = [
    { header: 'Isian', key: 'label', width: 20 },
    { header: 'Nilai', key: 'value', width: 50 },
    { header: 'Keterangan', key: 'hint', width: 60 },
  ];
  const example: Record<string, string | number> = {
    code: 'PERWAL-CONTOH-12-2024', kind: 'perwal', issuer: 'Wali Kota Contoh', region: 'Kota Contoh', number: '12', year: 2024,
    title: 'Penyelenggaraan Persandian untuk Pengamanan Informasi', status: 'berlaku', version: 1, effectiveDate: '2024-03-01',
  };
  for (const r of META_ROWS) meta.addRow({ label: r.label, value: example[r.key], hint: r.hint });
  const art = wb.addWorksheet('Pasal');
  art.columns = ARTICLE_COLS.map((h) => ({ header: h, key: h, width: h === 'Teks' ? 90 : h === 'BAB' || h === 'Bagian' ? 30 : 8 }));
  art.addRow(['BAB I KETENTUAN UMUM', '', '1', '', '', '1', 'Daerah adalah Kota Contoh.']);
  art.addRow(['BAB II PENYELENGGARAAN', '', '2', '1', '', '', 'Dinas menyusun rencana strategis pengamanan informasi.']);
  art.addRow(['', '', '2', '2', 'a', '', 'tujuan dan sasaran;']);
  const obl = wb.addWorksheet('Kewajiban');
  obl.columns = OBLIGATION_COLS.map((h) => ({ header: h, key: h, width: h === 'Kewajiban' ? 70 : 18 }));
  obl.addRow(['2', 'ayat (1)', 'Menyusun rencana strategis pengamanan informasi 5 tahun.', 'dinas', 'every_5_years', 'B1', 'governance.strategic_plan_valid']);
  const help = wb.addWorksheet('Petunjuk');
  help.columns = [{ header: 'Petunjuk pengisian', key: 'a', width: 120 }];
  [
    'Sheet "Regulasi": isi kolom Nilai. Sheet "Pasal": satu baris per ayat/huruf/angka, berurutan; kolom Pasal wajib.',
    'BAB dan Bagian cukup diisi pada baris pertama pasal yang bersangkutan.',
    'Sheet "Kewajiban": satu baris per kewajiban; Pasal merujuk nomor pasal di sheet Pasal (kosong = kewajiban dokumen).',
    `Pengemban: ${obligationBearers.join(', ')}.`,
    `Frekuensi: ${obligationFrequencies.join(', ')}.`,
    'ID Persyaratan: dipisah koma, mis. "B1, M1". Kunci Bukti: kunci pemeriksaan bukti otomatis (boleh kosong).',
    'Baris contoh boleh dihapus atau ditimpa.',
  ].forEach((t) => help.addRow({ a: t }));
  for (const ws of [meta, art, obl, help]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
};

/** Reads the Excel template into a document, remembering the sheet/row/column of every value. */
export async function parseRegulationXlsx(data: Buffer): Promise<TRegulationDoc> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const meta = wb.getWorksheet('Regulasi');
  const art = wb.getWorksheet('Pasal');
  const obl = wb.getWorksheet('Kewajiban');
  if (!meta || !art) throw unreadable('Sheet "Regulasi" dan "Pasal" wajib ada / sheets "Regulasi" and "Pasal" are required.');
  const where = new Map<string, { sheet: string; row: number; col?: string }>();
  const doc: Record<string, unknown> = {};
  meta.eachRow((row, n) => {
    if (n === 1) return;
    const label = cellText(row.getCell(1).value).toLowerCase();
    const m = META_ROWS.find((r) => r.label.toLowerCase() === label);
    if (!m) return;
    const v = cellText(row.getCell(2).value);
    if (v !== '') doc[m.key] = v;
    where.set(String(m.key), { sheet: 'Regulasi', row: n, col: 'Nilai' });
  });
  const articles: { number: string; chapter?: string | null; section?: string | null; clauses: Record<string, unknown>[] }[] = [];
  const byNumber = new Map<string, number>();
  art.eachRow((row, n) => {
    if (n === 1) return;
    const c = (i: number) => cellText(row.getCell(i).value);
    const [bab, bagian, pasal, ayat, huruf, angka, teks] = [1, 2, 3, 4, 5, 6, 7].map(c);
    if (![bab, bagian, pasal, ayat, huruf, angka, teks].some(Boolean)) return;
    let ai = byNumber.get(pasal);
    if (ai === undefined || !pasal) {
      ai = articles.length;
      articles.push({ number: pasal, chapter: bab || null, section: bagian || null, clauses: [] });
      if (pasal) byNumber.set(pasal, ai);
      where.set(`articles.${ai}`, { sheet: 'Pasal', row: n });
      where.set(`articles.${ai}.number`, { sheet: 'Pasal', row: n, col: 'Pasal' });
      where.set(`articles.${ai}.clauses`, { sheet: 'Pasal', row: n, col: 'Teks' });
    }
    const a = articles[ai];
    const ci = a.clauses.length;
    a.clauses.push({ ...(ayat ? { ayat } : {}), ...(huruf ? { huruf } : {}), ...(angka ? { angka } : {}), text: teks });
    where.set(`articles.${ai}.clauses.${ci}`, { sheet: 'Pasal', row: n });
    for (const [k, col] of [['ayat', 'Ayat'], ['huruf', 'Huruf'], ['angka', 'Angka'], ['text', 'Teks']] as const)
      where.set(`articles.${ai}.clauses.${ci}.${k}`, { sheet: 'Pasal', row: n, col });
  });
  doc.articles = articles;
  const obligations: Record<string, unknown>[] = [];
  obl?.eachRow((row, n) => {
    if (n === 1) return;
    const c = (i: number) => cellText(row.getCell(i).value);
    const [pasal, ref, text, bearer, freq, reqs, key] = [1, 2, 3, 4, 5, 6, 7].map(c);
    if (![pasal, ref, text, bearer, freq, reqs, key].some(Boolean)) return;
    const i = obligations.length;
    obligations.push({
      article: pasal || null,
      ref: ref || null,
      text,
      bearer,
      frequency: freq,
      requirements: reqs ? reqs.split(/[,;\s]+/).filter(Boolean) : [],
      evidence: key || null,
    });
    where.set(`obligations.${i}`, { sheet: 'Kewajiban', row: n });
    OBLIGATION_COLS.forEach((col, j) => where.set(`obligations.${i}.${['article', 'ref', 'text', 'bearer', 'frequency', 'requirements', 'evidence'][j]}`, { sheet: 'Kewajiban', row: n, col }));
  });
  doc.obligations = obligations;
  const locate: Locator = (path) => {
    for (let n = path.length; n > 0; n--) {
      const w = where.get(path.slice(0, n).join('.'));
      if (w)
        return {
          id: `Sheet "${w.sheet}" baris ${w.row}${w.col ? `, kolom ${w.col}` : ''}`,
          en: `Sheet "${w.sheet}" row ${w.row}${w.col ? `, column ${w.col}` : ''}`,
        };
    }
    if (path[0] && META_ROWS.some((r) => r.key === path[0])) {
      const label = META_ROWS.find((r) => r.key === path[0])!.label;
      return { id: `Sheet "Regulasi", isian ${label}`, en: `Sheet "Regulasi", field ${label}` };
    }
    return null;
  };
  return validateDoc(doc, locate);
}

export async function parseRegulationFile(filename: string, data: Buffer): Promise<TRegulationDoc> {
  const format = detectFormat(filename, data);
  if (format === 'xlsx') return parseRegulationXlsx(data);
  return parseRegulationText(data.toString('utf8'), format);
}
