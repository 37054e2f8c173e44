/** Errors of the document service. */

export type TypstDiagnostic = {
  severity: 'error' | 'warning';
  message: string;
  /** File the diagnostic points at, relative to the templates folder when possible. */
  path?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
};

export type DocumentRenderErrorCode = 'template_not_found' | 'invalid_template_name' | 'compile_failed' | 'export_failed';

/**
 * A document could not be rendered. For Typst templates `diagnostics` carries the compiler's
 * messages (with file, line and column), so a broken template is easy to fix.
 */
export class DocumentRenderError extends Error {
  override readonly name = 'DocumentRenderError';

  constructor(
    readonly code: DocumentRenderErrorCode,
    readonly template: string,
    message: string,
    readonly diagnostics: TypstDiagnostic[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** "opd-officials.typ:12:3: unknown variable: foo" — one line per diagnostic. */
export function formatDiagnostics(diagnostics: TypstDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const where = d.path ? `${d.path}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}: ` : '';
      return `${where}${d.severity}: ${d.message}`;
    })
    .join('\n');
}
