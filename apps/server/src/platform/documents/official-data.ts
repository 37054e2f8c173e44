/**
 * Turns an OfficialDocument into the plain JSON the Typst templates read (strings only, no
 * Buffers or Dates). Templates use `templates/lib/kop.typ`, which expects this shape.
 */
import { formatNip, formatTanggal } from './format.js';
import type { DocumentCell, OfficialDocument, Signer } from './types.js';

export type KopData = {
  pemda: string;
  office: string | null;
  address: string | null;
  contact: string | null;
  /** Key of the logo in `sys.inputs.files`, or null. */
  logo: string | null;
};

export type SignerData = { place: string; date: string; position: string; name: string; nip: string | null };

export type OfficialDocumentData = {
  kop: KopData;
  title: string;
  subtitle: string | null;
  number: string | null;
  dateLine: string | null;
  paragraphs: string[];
  table: {
    columns: { header: string; width: number; align: string }[];
    rows: string[][][];
    totalRow: string[][] | null;
    emptyText: string;
  } | null;
  signer: SignerData | null;
};

const str = (v: unknown): string => (v == null ? '' : String(v));
const opt = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v);

/** A cell as a list of lines. */
export const cellLines = (c: DocumentCell): string[] => (Array.isArray(c) ? c.map(str) : [str(c)]);

export function signerData(s: Signer | null | undefined, date: Date, timeZone?: string): SignerData | null {
  if (!s) return null;
  return {
    place: s.place,
    date: formatTanggal(date, timeZone),
    position: s.position,
    name: s.name,
    nip: s.nip ? formatNip(s.nip) : null,
  };
}

export function kopData(doc: Pick<OfficialDocument, 'letterhead'>, logoKey: string | null): KopData {
  const k = doc.letterhead;
  return {
    pemda: k.pemda,
    office: opt(k.office),
    address: opt(k.address),
    contact: opt(k.contact),
    logo: k.logo && k.logo.length > 0 ? logoKey : null,
  };
}

export function officialDocumentData(doc: OfficialDocument, logoKey: string | null): OfficialDocumentData {
  const t = doc.table;
  return {
    kop: kopData(doc, logoKey),
    title: doc.title,
    subtitle: opt(doc.subtitle),
    number: opt(doc.number),
    dateLine: opt(doc.dateLine),
    paragraphs: doc.paragraphs ?? [],
    table: t
      ? {
          columns: t.columns.map((c) => ({ header: c.header, width: c.width ?? 1, align: c.align ?? 'left' })),
          rows: t.rows.map((r) => r.map(cellLines)),
          totalRow: t.totalRow ? t.totalRow.map(cellLines) : null,
          emptyText: t.emptyText ?? 'Tidak ada data.',
        }
      : null,
    signer: signerData(doc.signer, doc.date, doc.timeZone),
  };
}
