/**
 * Shared shapes of the document service. An `OfficialDocument` is the format-neutral
 * description of an official Pemda document (kop surat, title, table, signature); the PDF
 * and DOCX renderers both consume it. `TabularExport` backs every list's Excel/CSV export.
 */

export type TenantLevel = 'provinsi' | 'kabupaten' | 'kota';

/** The tenant (Pemda) fields that the letterhead needs. */
export type TenantLetterheadInfo = {
  name: string;
  level: TenantLevel;
  /** Title of the regional head ("Wali Kota", "Bupati", "Gubernur"); not printed in the kop. */
  headTitle?: string | null;
  /** The issuing office, e.g. "Dinas Komunikasi dan Informatika". */
  dinasName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Website domain, e.g. "contohkota.go.id". */
  domain?: string | null;
};

/** Kop surat (letterhead). All strings are printed literally. */
export type Letterhead = {
  /** "PEMERINTAH KOTA CONTOH" (already upper-case, see `pemdaHeading`). */
  pemda: string;
  /** "DINAS KOMUNIKASI DAN INFORMATIKA"; omitted when absent. */
  office?: string | null;
  /** Address (and telephone) line. */
  address?: string | null;
  /** "Laman … , Pos-el …" line. */
  contact?: string | null;
  /** Logo image bytes (PNG or JPEG); no logo is printed when absent. */
  logo?: Buffer | null;
};

/** Signature block (blok tanda tangan). */
export type Signer = {
  /** Place of signing, e.g. "Contoh". */
  place: string;
  /** Position, e.g. "Kepala Dinas Komunikasi dan Informatika". */
  position: string;
  name: string;
  nip?: string | null;
};

export type CellAlign = 'left' | 'center' | 'right';

/**
 * A table cell: a string, or several lines (the first printed normally, the rest smaller,
 * e.g. a name followed by its NIP).
 */
export type DocumentCell = string | string[];

export type DocumentTable = {
  columns: { header: string; /** relative width */ width?: number; align?: CellAlign }[];
  rows: DocumentCell[][];
  /** Optional bold closing row, e.g. totals. */
  totalRow?: DocumentCell[];
  /** Printed as a single row when `rows` is empty. */
  emptyText?: string;
};

export type OfficialDocument = {
  letterhead: Letterhead;
  title: string;
  subtitle?: string | null;
  /** Printed as "Nomor: …" under the title. */
  number?: string | null;
  /** A free date line under the title, e.g. "Keadaan per 23 November 2026". */
  dateLine?: string | null;
  /** Paragraphs printed before the table. */
  paragraphs?: string[];
  table?: DocumentTable;
  signer?: Signer | null;
  /** Date of signing; printed in the signature block in Indonesian ("23 November 2026"). */
  date: Date;
  /** IANA time zone for dates (default Asia/Jakarta, WIB). */
  timeZone?: string;
};

export type TabularColumnType = 'text' | 'number' | 'date' | 'datetime';

export type TabularColumn = {
  key: string;
  header: string;
  /** Width in characters (Excel units). */
  width?: number;
  type?: TabularColumnType;
};

export type TabularExport = {
  title: string;
  subtitle?: string | null;
  columns: TabularColumn[];
  /** Rows keyed by column key; an async iterable (e.g. a DB cursor) is streamed. */
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
  /** Worksheet name (max 31 chars, sanitised). Default "Data". */
  sheetName?: string;
  /** IANA time zone used to turn instants into calendar dates (default Asia/Jakarta). */
  timeZone?: string;
};

/** A rendered file ready to be sent over HTTP. */
export type RenderedFile = {
  body: Buffer;
  contentType: string;
  filename: string;
};

export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
