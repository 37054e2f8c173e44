/**
 * PDF rendering with Typst (typst.ts node compiler).
 *
 * - Templates live in apps/server/templates/<name>.typ; the folder is the Typst workspace
 *   root, so templates `#import "lib/kop.typ": *`.
 * - Data never becomes markup: it is passed as a JSON string in `sys.inputs.data` and read
 *   with `json(bytes(sys.inputs.data))`, so user text is always printed literally.
 * - Binary inputs (logos) are mapped as in-memory files; their Typst paths are passed in
 *   `sys.inputs.files` (a JSON object name → path).
 * - Fonts are deterministic: the Arimo family (metric-compatible with Arial, the letter font
 *   of Permendagri 1/2023) is loaded from the @expo-google-fonts/arimo package as font blobs.
 *   Typst also embeds Libertinus Serif, New Computer Modern and DejaVu Sans Mono.
 * - One warm compiler instance is created lazily and reused; compile is synchronous
 *   (tens of milliseconds for a typical report).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeCompiler, NodeError } from '@myriaddreamin/typst-ts-node-compiler';
import { DocumentRenderError, formatDiagnostics, type TypstDiagnostic } from './errors.js';
import { officialDocumentData } from './official-data.js';
import type { OfficialDocument } from './types.js';

const require = createRequire(import.meta.url);

/** apps/server/templates (this file is apps/server/src/platform/documents/pdf.ts). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url)).replace(/[\\/]$/, '');

/** The bundled font family used by all templates. */
export const DOCUMENT_FONT_FAMILY = 'Arimo';
const FONT_FILES = [
  '400Regular/Arimo_400Regular.ttf',
  '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  '700Bold/Arimo_700Bold.ttf',
  '700Bold_Italic/Arimo_700Bold_Italic.ttf',
];

export type RenderPdfOptions = {
  /** Template name: apps/server/templates/<template>.typ (lower-case, digits, "-"). */
  template: string;
  /** JSON-serialisable data, read in the template with `json(bytes(sys.inputs.data))`. */
  data: unknown;
  /** Binary files by name ("logo.png"); the template finds their paths in `sys.inputs.files`. */
  files?: Record<string, Buffer | null | undefined>;
};

let compiler: NodeCompiler | undefined;
let fileSeq = 0;

/** Paths of the bundled font files (exported for tests and diagnostics). */
export function bundledFontFiles(): string[] {
  const pkgDir = dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
  return FONT_FILES.map((f) => join(pkgDir, f));
}

function getCompiler(): NodeCompiler {
  if (!compiler) {
    // Loaded lazily: the native addon is large and only needed when a PDF is rendered.
    const typst = require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');
    const fontBlobs = bundledFontFiles().map((f) => readFileSync(f));
    compiler = typst.NodeCompiler.create({ workspace: TEMPLATES_DIR, fontArgs: [{ fontBlobs }] });
  }
  return compiler;
}

/** Creates the compiler and compiles a tiny document, so the first real request is fast. */
export async function warmUpPdf(): Promise<void> {
  await renderPdf({ template: 'official-table', data: warmUpData() });
}

function warmUpData() {
  return officialDocumentData(
    { letterhead: { pemda: 'PEMERINTAH' }, title: 'A', date: new Date(0) },
    null,
  );
}

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;

/** Renders a Typst template with data to a PDF. Throws DocumentRenderError on failure. */
export async function renderPdf(opts: RenderPdfOptions): Promise<Buffer> {
  const { template } = opts;
  if (!TEMPLATE_NAME.test(template) || template.startsWith('lib/')) {
    throw new DocumentRenderError('invalid_template_name', template, `Invalid template name "${template}"`);
  }
  const mainFilePath = join(TEMPLATES_DIR, `${template}.typ`);
  if (!existsSync(mainFilePath)) {
    throw new DocumentRenderError('template_not_found', template, `Template "${template}" not found in ${TEMPLATES_DIR}`);
  }

  const c = getCompiler();
  const mapped: string[] = [];
  const files: Record<string, string> = {};
  try {
    // Map binary inputs under a fresh folder so concurrent documents never share a path.
    const folder = `__files/${++fileSeq}`;
    for (const [name, bytes] of Object.entries(opts.files ?? {})) {
      if (!bytes || bytes.length === 0) continue;
      if (!FILE_NAME.test(name)) {
        throw new DocumentRenderError('invalid_template_name', template, `Invalid file name "${name}"`);
      }
      const abs = join(TEMPLATES_DIR, folder, name);
      c.mapShadow(abs, bytes);
      mapped.push(abs);
      files[name] = `/${folder}/${name}`;
    }

    const inputs = { data: JSON.stringify(opts.data ?? null), files: JSON.stringify(files) };
    let result;
    try {
      result = c.compile({ mainFilePath, inputs });
    } catch (e) {
      throw new DocumentRenderError('compile_failed', template, `Typst crashed on "${template}": ${String(e)}`, [], {
        cause: e,
      });
    }
    const doc = result.result;
    if (result.hasError() || !doc) {
      const diagnostics = collectDiagnostics(c, result.takeDiagnostics());
      throw new DocumentRenderError(
        'compile_failed',
        template,
        `Typst template "${template}" failed:\n${formatDiagnostics(diagnostics)}`,
        diagnostics,
      );
    }
    try {
      // `date: none` in the templates keeps the output byte-for-byte reproducible.
      return c.pdf(doc);
    } catch (e) {
      throw new DocumentRenderError('export_failed', template, `PDF export of "${template}" failed: ${String(e)}`, [], {
        cause: e,
      });
    }
  } finally {
    for (const abs of mapped) c.unmapShadow(abs);
    // Drop memoized results not used for a while, so a long-running server does not grow.
    c.evictCache(10);
  }
}

/**
 * Renders an `OfficialDocument` (kop surat, title, table, signature) with the generic
 * templates/official-table.typ; the PDF twin of `renderDocx`.
 */
export async function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  return renderPdf({
    template: 'official-table',
    data: officialDocumentData(doc, doc.letterhead.logo ? 'logo' : null),
    files: officialDocumentFiles(doc),
  });
}

/** The binary files of an official document (its logo), keyed as the templates expect. */
export function officialDocumentFiles(doc: OfficialDocument): Record<string, Buffer> {
  const logo = doc.letterhead.logo;
  return logo && logo.length > 0 ? { logo } : {};
}

type RawDiagnostic = {
  message?: string;
  path?: string;
  severity?: number | string;
  range?: { start?: { line?: number; character?: number } } | null;
};

function collectDiagnostics(c: NodeCompiler, err: NodeError | null): TypstDiagnostic[] {
  if (!err) return [{ severity: 'error', message: 'unknown Typst error' }];
  let raw: RawDiagnostic[];
  try {
    raw = c.fetchDiagnostics(err) as RawDiagnostic[];
  } catch {
    raw = err.shortDiagnostics as RawDiagnostic[];
  }
  return raw.map((d) => {
    const out: TypstDiagnostic = {
      severity: d.severity === 2 || d.severity === 'warning' ? 'warning' : 'error',
      message: String(d.message ?? ''),
    };
    if (d.path) {
      const rel = relative(TEMPLATES_DIR, d.path);
      out.path = rel.startsWith('..') ? d.path : rel.split(sep).join('/');
    }
    if (d.range?.start) {
      out.line = (d.range.start.line ?? 0) + 1;
      out.column = (d.range.start.character ?? 0) + 1;
    }
    return out;
  });
}
