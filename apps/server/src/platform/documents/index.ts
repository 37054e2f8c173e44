/**
 * Public API of the document service (PDF via Typst, DOCX, XLSX, CSV).
 * See README.md in this folder.
 */
export { renderPdf, renderOfficialPdf, warmUpPdf, TEMPLATES_DIR, DOCUMENT_FONT_FAMILY, type RenderPdfOptions } from './pdf.js';
export { renderDocx } from './docx.js';
export { officialDocumentData } from './official-data.js';
export { renderXlsx, renderCsv, neutraliseFormula } from './tabular.js';
export {
  opdOfficialsReport,
  OPD_OFFICIALS_TITLE,
  type OpdOfficialsInput,
  type OpdOfficialRow,
} from './opd-officials.js';
export {
  formatTanggal,
  formatNip,
  formatAngka,
  pemdaHeading,
  letterheadFromTenant,
  slugify,
  BULAN,
  DEFAULT_TIME_ZONE,
} from './format.js';
export { DocumentRenderError, type DocumentRenderErrorCode, type TypstDiagnostic } from './errors.js';
export {
  CONTENT_TYPES,
  type DocumentFormat,
  type RenderedFile,
  type OfficialDocument,
  type DocumentTable,
  type DocumentCell,
  type Letterhead,
  type Signer,
  type TenantLetterheadInfo,
  type TenantLevel,
  type TabularExport,
  type TabularColumn,
  type TabularColumnType,
} from './types.js';
