/**
 * DOCX (Word) rendering of an OfficialDocument with the `docx` library: the same shape as
 * the PDF — kop surat with optional logo and a double rule, title block, a table with a
 * repeating header, signature block and a "Halaman X dari Y" footer (PAGE/NUMPAGES fields).
 * Word has Arial, the letter font of Permendagri 1/2023, so the DOCX uses it directly.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { DocumentRenderError } from './errors.js';
import { imageInfo } from './image.js';
import { cellLines, signerData } from './official-data.js';
import type { CellAlign, DocumentCell, Letterhead, OfficialDocument } from './types.js';

const FONT = 'Arial';
// A4 in twips and margins (top 2 cm, bottom 2.2 cm, left 2.5 cm, right 2 cm), as in the PDF.
const CM = 567;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2 * CM, bottom: Math.round(2.2 * CM), left: Math.round(2.5 * CM), right: 2 * CM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LOGO_COL = Math.round(2.4 * CM);
const LOGO_HEIGHT_PX = 91; // 2.4 cm at 96 dpi

const ALIGN: Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** size in points → docx half-points */
const pt = (n: number) => Math.round(n * 2);

function line(text: string, opts: { size?: number; bold?: boolean; italics?: boolean; breakBefore?: boolean } = {}) {
  return new TextRun({
    text,
    font: FONT,
    size: opts.size ? pt(opts.size) : undefined,
    bold: opts.bold,
    italics: opts.italics,
    break: opts.breakBefore ? 1 : undefined,
  });
}

function kopBlock(k: Letterhead): (Paragraph | Table)[] {
  const centered = (text: string, size: number, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [line(text, { size, bold })] });
  const center: Paragraph[] = [centered(k.pemda, 14, true)];
  if (k.office) center.push(centered(k.office, 16, true));
  if (k.address) center.push(centered(k.address, 9.5));
  if (k.contact) center.push(centered(k.contact, 9.5));

  const out: (Paragraph | Table)[] = [];
  const info = k.logo ? imageInfo(k.logo) : null;
  if (k.logo && !info) {
    throw new DocumentRenderError('export_failed', 'docx', 'Logo must be a PNG or JPEG image');
  }
  if (k.logo && info) {
    // Borderless 3-column table: logo | centred text | spacer of the logo's width.
    const height = LOGO_HEIGHT_PX;
    const width = Math.min(Math.round((info.width / info.height) * height), LOGO_HEIGHT_PX);
    const logo = new ImageRun({
      type: info.type,
      data: k.logo,
      transformation: { width, height: Math.round((info.height / info.width) * width) },
      altText: { name: 'Logo', description: 'Logo Pemerintah Daerah', title: 'Logo' },
    });
    const cell = (children: Paragraph[], w: number) =>
      new TableCell({ children, width: { size: w, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER });
    out.push(
      new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: [LOGO_COL, CONTENT_WIDTH - 2 * LOGO_COL, LOGO_COL],
        layout: TableLayoutType.FIXED,
        borders: TableBorders.NONE,
        rows: [
          new TableRow({
            children: [
              cell([new Paragraph({ children: [logo] })], LOGO_COL),
              cell(center, CONTENT_WIDTH - 2 * LOGO_COL),
              cell([new Paragraph({})], LOGO_COL),
            ],
          }),
        ],
      }),
    );
  } else {
    out.push(...center);
  }
  // The double rule: a thick line over a thin one ("thickThinSmallGap" bottom border).
  out.push(
    new Paragraph({
      spacing: { after: 160 },
      border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
      children: [line('', { size: 2 })],
    }),
  );
  return out;
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  const runs: TextRun[] = [line(doc.title, { size: 12, bold: true })];
  if (doc.subtitle) runs.push(line(doc.subtitle, { size: 11, bold: true, breakBefore: true }));
  if (doc.number) runs.push(line(`Nomor: ${doc.number}`, { breakBefore: true }));
  if (doc.dateLine) runs.push(line(doc.dateLine, { breakBefore: true }));
  return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 340 }, children: runs })];
}

function cellParagraph(c: DocumentCell, align: CellAlign, opts: { bold?: boolean; size?: number } = {}): Paragraph {
  const size = opts.size ?? 9.5;
  const lines = cellLines(c);
  return new Paragraph({
    alignment: ALIGN[align],
    children: lines.map((l, i) =>
      i === 0 ? line(l, { size, bold: opts.bold }) : line(l, { size: size - 1.5, bold: opts.bold, breakBefore: true }),
    ),
  });
}

function dataTable(doc: OfficialDocument): Table | null {
  const t = doc.table;
  if (!t) return null;
  const weights = t.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const margins = { top: 60, bottom: 60, left: 80, right: 80 };
  const cell = (children: Paragraph[], i: number, extra: { shade?: boolean; span?: number } = {}) =>
    new TableCell({
      children,
      margins,
      columnSpan: extra.span,
      verticalAlign: VerticalAlignTable.CENTER,
      width: { size: extra.span ? CONTENT_WIDTH : widths[i], type: WidthType.DXA },
      shading: extra.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E1E1E1' } : undefined,
    });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell([cellParagraph(c.header, 'center', { bold: true })], i, { shade: true })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => cell([cellParagraph(r[i] ?? '', c.align ?? 'left')], i)),
      }),
  );
  if (rows.length === 0) {
    rows.push(
      new TableRow({
        children: [cell([cellParagraph(t.emptyText ?? 'Tidak ada data.', 'center')], 0, { span: t.columns.length })],
      }),
    );
  }
  if (t.totalRow) {
    const totalRow = t.totalRow;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) =>
          cell([cellParagraph(totalRow[i] ?? '', c.align ?? 'left', { bold: true })], i),
        ),
      }),
    );
  }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function signatureBlock(doc: OfficialDocument): Paragraph[] {
  const s = signerData(doc.signer, doc.date, doc.timeZone);
  if (!s) return [];
  const indent = { left: CONTENT_WIDTH - Math.round(7.5 * CM) };
  const p = (runs: TextRun[], spacing?: { before?: number; after?: number }, last = false) =>
    new Paragraph({ indent, spacing, keepNext: !last, keepLines: true, children: runs });
  return [
    p([line(`${s.place}, ${s.date}`)], { before: 480 }),
    p([line(`${s.position},`)], { after: 1250 }),
    p([line(s.name, { bold: true })], undefined, !s.nip),
    ...(s.nip ? [p([line(`NIP ${s.nip}`)], undefined, true)] : []),
  ];
}

/** Renders an OfficialDocument as a Word document. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: FONT,
            size: pt(8.5),
            color: '3C3C3C',
            children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
  const table = dataTable(doc);
  const document = new Document({
    creator: 'Persada',
    title: doc.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(11) },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, footer: 567 } } },
        footers: { default: footer },
        children: [
          ...kopBlock(doc.letterhead),
          ...titleBlock(doc),
          ...(doc.paragraphs ?? []).map((t) => new Paragraph({ spacing: { after: 160 }, children: [line(t)] })),
          ...(table ? [table] : []),
          ...signatureBlock(doc),
        ],
      },
    ],
  });
  try {
    return await Packer.toBuffer(document);
  } catch (e) {
    throw new DocumentRenderError('export_failed', 'docx', `DOCX export failed: ${String(e)}`, [], { cause: e });
  }
}
