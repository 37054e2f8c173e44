import path from 'node:path';
import type { Bilingual } from '@persada/shared';
import type { Env } from '../config/env.js';

/** Where a command writes; tests inject buffers, main.ts passes process.stdout/stderr. */
export type Writer = { write(chunk: string): unknown };
export type Io = {
  stdout: Writer;
  stderr: Writer;
  /** Overrides for process.env (tests point DATABASE_URL / DATA_DIR elsewhere). */
  env?: Record<string, string | undefined>;
};

export type OptionSpec = {
  type: 'string' | 'boolean';
  desc: Bilingual;
  required?: boolean;
  /** Shown in help: `--slug <kode>`. */
  value?: string;
};

export type Values = Record<string, string | boolean | undefined>;
export type Ctx = { io: Io; env: Env };

export type Command = {
  name: string;
  summary: Bilingual;
  options: Record<string, OptionSpec>;
  examples?: string[];
  notes?: Bilingual[];
  run(values: Values, ctx: Ctx): Promise<number>;
};

/** "Indonesian (English)" — the CLI's bilingual style. */
export const bi = (m: Bilingual) => `${m.id} (${m.en})`;

/**
 * An error caused by the user or the environment (bad input, missing file, database
 * unreachable…). Printed as one bilingual message, never with a stack trace.
 */
export class CliError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly details: string[] = [],
  ) {
    super(text.en);
  }
}

export function fail(id: string, en: string, details: string[] = []): never {
  throw new CliError({ id, en }, details);
}

export function println(w: Writer, line = '') {
  w.write(line + '\n');
}

export function printError(io: Io, err: CliError) {
  println(io.stderr, `Kesalahan: ${bi(err.text)}`);
  for (const d of err.details) println(io.stderr, `  - ${d}`);
}

/** A plain text table with a header row and a rule; columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Help text of one command, generated from its option specs. */
export function commandHelp(cmd: Command): string {
  const lines = [`Penggunaan (usage): npm run cli -- ${cmd.name} [opsi]`, '', bi(cmd.summary), '', 'Opsi (options):'];
  const entries = Object.entries(cmd.options).map(([name, o]) => {
    const flag = `--${name}${o.type === 'string' ? ` <${o.value ?? 'nilai'}>` : ''}`;
    return [flag, `${bi(o.desc)}${o.required ? ' — wajib (required)' : ''}`];
  });
  entries.push(['--help', 'Tampilkan bantuan ini (show this help)']);
  const w = Math.max(...entries.map(([f]) => f.length));
  for (const [f, d] of entries) lines.push(`  ${f.padEnd(w)}  ${d}`);
  if (cmd.notes?.length) {
    lines.push('', 'Catatan (notes):');
    for (const n of cmd.notes) lines.push(`  - ${bi(n)}`);
  }
  if (cmd.examples?.length) {
    lines.push('', 'Contoh (examples):');
    for (const e of cmd.examples) lines.push(`  npm run cli -- ${e}`);
  }
  return lines.join('\n');
}

/** The PostgreSQL SQLSTATE of an error, looking through driver / ORM wrappers. */
export function pgCode(err: unknown): string | undefined {
  for (let e: any = err, i = 0; e && i < 5; e = e.cause, i++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * A path given on the command line, relative to where the user typed it: `npm run` changes
 * to the repository root and keeps the original directory in INIT_CWD.
 */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
