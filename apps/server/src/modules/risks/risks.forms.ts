import ExcelJS from 'exceljs';
import type { TMonitoring, TRisk, TRiskContext, TRiskSettings, TTreatment } from '@persada/shared';

/**
 * The national risk-management forms of PermenPANRB 5/2020 as Excel workbooks (exceljs):
 * 2.0 Konteks, 3.0 Penilaian Risiko, 4.0 Rencana Penanganan, 5.0 Laporan Pemantauan.
 * Two header rows with merged group headings and a column-number row, like the official forms.
 */
export type FormData = {
  tenantName: string;
  context: TRiskContext;
  settings: TRiskSettings;
  risks: TRisk[];
  treatments: TTreatment[];
  monitorings: TMonitoring[];
};

type Col = { header: string; width: number; sub?: { header: string; width: number }[] };

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
/** exceljs writes strings as text, never as formulas. */
/** A group of the four rating columns the national forms repeat (likelihood, impact, score, level). */
const ratingGroup = (header: string): Col => ({
  header,
  width: 0,
  sub: [
    { header: 'Level Kemungkinan', width: 11 },
    { header: 'Level Dampak', width: 10 },
    { header: 'Besaran Risiko', width: 10 },
    { header: 'Level Risiko', width: 14 },
  ],
});
const txt = (v: unknown) => (v == null || v === '' ? '' : String(v));

function titleBlock(ws: ExcelJS.Worksheet, width: number, title: string, d: FormData) {
  const lines = [
    title,
    `${d.tenantName}`,
    `Unit Pemilik Risiko (UPR): ${d.context.opdName}`,
    `Periode: Tahun ${d.context.year}`,
  ];
  lines.forEach((line, i) => {
    const r = i + 1;
    ws.mergeCells(r, 1, r, width);
    const c = ws.getCell(r, 1);
    c.value = line;
    c.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    c.alignment = { horizontal: i < 2 ? 'center' : 'left' };
  });
  return lines.length + 2;
}

/** Writes a two-row grouped header and the (1) (2) … numbering row; returns the first data row. */
function header(ws: ExcelJS.Worksheet, top: number, cols: Col[]) {
  let c = 1;
  for (const col of cols) {
    if (col.sub) {
      ws.mergeCells(top, c, top, c + col.sub.length - 1);
      ws.getCell(top, c).value = col.header;
      col.sub.forEach((s, k) => {
        ws.getCell(top + 1, c + k).value = s.header;
        ws.getColumn(c + k).width = s.width;
      });
      c += col.sub.length;
    } else {
      ws.mergeCells(top, c, top + 1, c);
      ws.getCell(top, c).value = col.header;
      ws.getColumn(c).width = col.width;
      c += 1;
    }
  }
  const total = c - 1;
  for (let k = 1; k <= total; k++) {
    for (const r of [top, top + 1]) {
      const cell = ws.getCell(r, k);
      cell.font = { bold: true };
      cell.fill = headFill;
      cell.border = border;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    const num = ws.getCell(top + 2, k);
    num.value = `(${k})`;
    num.alignment = { horizontal: 'center' };
    num.font = { italic: true, size: 9 };
    num.border = border;
  }
  ws.views = [{ state: 'frozen', ySplit: top + 2 }];
  return { first: top + 3, total };
}

function dataRow(ws: ExcelJS.Worksheet, r: number, values: unknown[], colour?: Record<number, string | undefined>) {
  values.forEach((v, k) => {
    const cell = ws.getCell(r, k + 1);
    cell.value = typeof v === 'number' ? v : txt(v);
    cell.border = border;
    cell.alignment = { vertical: 'top', wrapText: true };
    const hex = colour?.[k + 1];
    if (hex) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
  });
}

function signature(ws: ExcelJS.Worksheet, r: number, col: number, d: FormData) {
  const lines = ['Pemilik Risiko,', d.context.ownerPosition ?? '', '', '', d.context.ownerName ?? '(.............................)'];
  lines.forEach((l, i) => {
    const c = ws.getCell(r + 1 + i, col);
    c.value = txt(l);
    c.font = { bold: i === 4, underline: i === 4 };
  });
}

const yesNo = (b: boolean) => (b ? 'YA' : 'TIDAK');
const approval = (s: string) => (s === 'setuju' ? 'Setuju' : s === 'tidak_setuju' ? 'Tidak Setuju' : 'Belum Disetujui');
const kindName = (k: string) => (k === 'positive' ? 'Positif' : 'Negatif');
export const optionNames: Record<string, string> = {
  mitigate: 'Mitigasi',
  transfer: 'Transfer',
  avoid: 'Penghindaran',
  accept: 'Penerimaan',
  escalate: 'Eskalasi',
  exploit: 'Eksploitasi',
  enhance: 'Peningkatan',
  share: 'Pembagian',
};
export const statusNames: Record<string, string> = { planned: 'Direncanakan', in_progress: 'Berjalan', done: 'Selesai', cancelled: 'Dibatalkan' };

function konteks(wb: ExcelJS.Workbook, d: FormData) {
  const ws = wb.addWorksheet('2.0 Konteks');
  const c = d.context;
  let r = titleBlock(ws, 3, 'FORMULIR 2.0 KONTEKS MANAJEMEN RISIKO SPBE', d);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 70;
  const info: [string, unknown][] = [
    ['Nama UPR', c.opdName],
    ['Tugas dan Fungsi UPR', c.tasks],
    ['Periode Penerapan', `Tahun ${c.year}`],
    ['Sasaran dan Indikator Kinerja SPBE', c.objectives],
    ['Ruang Lingkup', c.scope],
    ['Pemangku Kepentingan', c.stakeholders],
    ['Peraturan Perundang-undangan', c.regulations],
    ['Pemilik Risiko', [c.ownerName, c.ownerPosition].filter(Boolean).join(' — ')],
  ];
  ws.mergeCells(r, 1, r, 3);
  ws.getCell(r, 1).value = 'A. INFORMASI UMUM';
  ws.getCell(r, 1).font = { bold: true };
  r++;
  info.forEach(([k, v], i) => dataRow(ws, r++, [i + 1, k, v]));
  r++;
  ws.mergeCells(r, 1, r, 3);
  ws.getCell(r, 1).value = 'B. SELERA RISIKO';
  ws.getCell(r, 1).font = { bold: true };
  r++;
  const h = header(ws, r, [
    { header: 'No', width: 6 },
    { header: 'Kategori Risiko SPBE', width: 40 },
    { header: 'Selera Risiko (besaran risiko tertinggi yang diterima)', width: 70 },
  ]);
  ws.views = [];
  r = h.first;
  d.settings.categories.forEach((cat, i) => dataRow(ws, r++, [i + 1, cat.name, c.appetite[cat.code] ?? c.appetiteDefault]));
  signature(ws, r + 1, 3, d);
}

function penilaian(wb: ExcelJS.Workbook, d: FormData) {
  const ws = wb.addWorksheet('3.0 Penilaian Risiko');
  const cols: Col[] = [
    { header: 'No', width: 5 },
    { header: 'Kode Risiko', width: 14 },
    { header: 'Sasaran SPBE', width: 26 },
    { header: 'Jenis Risiko', width: 10 },
    {
      header: 'Identifikasi Risiko',
      width: 0,
      sub: [
        { header: 'Aset SPBE', width: 24 },
        { header: 'Ancaman', width: 24 },
        { header: 'Kerentanan', width: 24 },
        { header: 'Kejadian', width: 30 },
        { header: 'Penyebab', width: 26 },
        { header: 'Kategori Risiko', width: 20 },
        { header: 'Dampak', width: 26 },
        { header: 'Area Dampak', width: 18 },
      ],
    },
    { header: 'Sistem Pengendalian yang Ada', width: 28 },
    ratingGroup('Analisis Risiko'),
    { header: 'Prioritas Risiko', width: 10 },
    { header: 'Keputusan Perlu Penanganan', width: 12 },
    { header: 'Persetujuan Pemilik Risiko', width: 16 },
  ];
  let r = titleBlock(ws, 20, 'FORMULIR 3.0 PENILAIAN RISIKO SPBE (DAFTAR RISIKO)', d);
  const h = header(ws, r, cols);
  r = h.first;
  const sorted = [...d.risks].sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
  sorted.forEach((x, i) =>
    dataRow(
      ws,
      r++,
      [
        i + 1,
        x.code,
        x.objective,
        kindName(x.kind),
        [x.assetName, x.applicationName].filter(Boolean).join(' / '),
        x.threat,
        x.vulnerability,
        x.event,
        x.cause,
        x.categoryName,
        x.impact,
        x.areaName,
        x.existingControls,
        x.current.likelihood,
        x.current.impact,
        x.current.score,
        x.current.levelName,
        x.priority,
        yesNo(x.needsTreatment),
        approval(x.approvalStatus),
      ],
      { 17: x.current.color },
    ),
  );
  signature(ws, r + 1, 18, d);
}

function penanganan(wb: ExcelJS.Workbook, d: FormData) {
  const ws = wb.addWorksheet('4.0 Rencana Penanganan');
  const cols: Col[] = [
    { header: 'No', width: 5 },
    { header: 'Kode Risiko', width: 14 },
    { header: 'Risiko (Kejadian)', width: 32 },
    { header: 'Besaran Risiko', width: 10 },
    { header: 'Level Risiko', width: 14 },
    { header: 'Opsi Penanganan', width: 14 },
    { header: 'Rencana Aksi Penanganan', width: 36 },
    { header: 'Keluaran', width: 24 },
    { header: 'Jadwal Implementasi', width: 0, sub: [{ header: 'Mulai', width: 12 }, { header: 'Selesai', width: 12 }] },
    { header: 'Penanggung Jawab', width: 24 },
    ratingGroup('Risiko Residual Harapan'),
    { header: 'Status', width: 14 },
  ];
  let r = titleBlock(ws, 17, 'FORMULIR 4.0 RENCANA PENANGANAN RISIKO SPBE', d);
  r = header(ws, r, cols).first;
  const byId = new Map(d.risks.map((x) => [x.id, x]));
  let n = 0;
  for (const t of d.treatments) {
    const x = byId.get(t.riskId);
    if (!x) continue;
    dataRow(
      ws,
      r++,
      [
        ++n,
        x.code,
        x.event,
        x.current.score,
        x.current.levelName,
        optionNames[t.option] ?? t.option,
        t.action,
        t.output,
        t.startDate,
        t.endDate,
        t.ownerName,
        t.target?.likelihood ?? '',
        t.target?.impact ?? '',
        t.target?.score ?? '',
        t.target?.levelName ?? '',
        statusNames[t.status] ?? t.status,
      ],
      { 5: x.current.color, ...(t.target ? { 15: t.target.color } : {}) },
    );
  }
  signature(ws, r + 1, 15, d);
}

function pemantauan(wb: ExcelJS.Workbook, d: FormData) {
  const ws = wb.addWorksheet('5.0 Pemantauan');
  const cols: Col[] = [
    { header: 'No', width: 5 },
    { header: 'Kode Risiko', width: 14 },
    { header: 'Risiko (Kejadian)', width: 32 },
    { header: 'Tanggal Pemantauan', width: 14 },
    { header: 'Realisasi Penanganan', width: 40 },
    ratingGroup('Risiko Saat Pemantauan'),
    { header: 'Keterangan / Rekomendasi', width: 36 },
  ];
  let r = titleBlock(ws, 10, 'FORMULIR 5.0 LAPORAN PEMANTAUAN RISIKO SPBE', d);
  r = header(ws, r, cols).first;
  const byId = new Map(d.risks.map((x) => [x.id, x]));
  let n = 0;
  for (const m of d.monitorings) {
    const x = byId.get(m.riskId);
    if (!x) continue;
    dataRow(
      ws,
      r++,
      [++n, x.code, x.event, m.date, m.realisation, m.current.likelihood, m.current.impact, m.current.score, m.current.levelName, m.notes],
      { 9: m.current.color },
    );
  }
  signature(ws, r + 1, 9, d);
}

export async function renderRiskForms(d: FormData, form: 'all' | 'konteks' | 'penilaian' | 'penanganan' | 'pemantauan'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Persada';
  wb.title = `Manajemen Risiko SPBE ${d.context.opdName} ${d.context.year}`;
  if (form === 'all' || form === 'konteks') konteks(wb, d);
  if (form === 'all' || form === 'penilaian') penilaian(wb, d);
  if (form === 'all' || form === 'penanganan') penanganan(wb, d);
  if (form === 'all' || form === 'pemantauan') pemantauan(wb, d);
  for (const ws of wb.worksheets) ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
