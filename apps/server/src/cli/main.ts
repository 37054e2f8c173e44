import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { appVersion, loadEnv, type Env } from '../config/env.js';
import { adminCreate } from './admin.js';
import { auditVerify } from './audit.js';
import { dbBackup, dbRestore } from './backup.js';
import { tenantCreate, tenantList } from './tenant.js';
import { pkiKeystoreStatus } from './pki.js';
import { bi, CliError, commandHelp, pgCode, printError, println, type Command, type Io } from './output.js';

export const commands: Command[] = [tenantCreate, tenantList, adminCreate, auditVerify, dbBackup, dbRestore, pkiKeystoreStatus];

export function generalHelp(): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    `Persada ${appVersion} — alat baris perintah (command-line tool)`,
    '',
    'Penggunaan (usage): npm run cli -- <perintah> [opsi]',
    '',
    'Perintah (commands):',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${bi(c.summary)}`),
    '',
    'Bantuan per perintah (help per command): npm run cli -- <perintah> --help',
    '',
    'Basis data: PostgreSQL bila DATABASE_URL diisi, selain itu PGlite di DATA_DIR/pglite.',
    '(Database: PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR/pglite.)',
  ].join('\n');
}

/** Bilingual text for errors that come from the environment rather than from a bug. */
function knownError(err: unknown): CliError | undefined {
  if (err instanceof CliError) return err;
  const code = pgCode(err);
  let inner: any = err;
  while (inner?.cause instanceof Error) inner = inner.cause; // past the ORM's "Failed query" wrapper
  const message = inner instanceof Error ? inner.message || String((inner as any).code ?? inner) : String(err);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '28P01' || code === '28000' || code === '3D000') {
    return new CliError({ id: 'Tidak dapat terhubung ke basis data (periksa DATABASE_URL).', en: 'Cannot connect to the database (check DATABASE_URL).' }, [message]);
  }
  if (code === '42P01') {
    return new CliError({ id: 'Struktur basis data belum lengkap.', en: 'The database schema is incomplete.' }, [message]);
  }
  if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') {
    return new CliError({ id: 'Berkas tidak dapat ditulis atau dibaca.', en: 'A file cannot be written or read.' }, [message]);
  }
  return undefined;
}

async function runCommand(cmd: Command, args: string[], io: Io): Promise<number> {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(cmd.options)) options[name] = { type: o.type };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (err) {
    throw new CliError({ id: 'Argumen tidak valid.', en: 'Invalid arguments.' }, [
      (err as Error).message,
      `Lihat (see): npm run cli -- ${cmd.name} --help`,
    ]);
  }
  if (values.help) {
    println(io.stdout, commandHelp(cmd));
    return 0;
  }
  const missing = Object.entries(cmd.options)
    .filter(([name, o]) => o.required && (typeof values[name] !== 'string' || !(values[name] as string).trim()))
    .map(([name]) => `--${name}`);
  if (missing.length) {
    throw new CliError({ id: `Opsi wajib belum diisi: ${missing.join(', ')}.`, en: `Missing required option(s): ${missing.join(', ')}.` }, [
      `Lihat (see): npm run cli -- ${cmd.name} --help`,
    ]);
  }
  let env: Env;
  try {
    env = loadEnv(io.env ?? {});
  } catch (err) {
    throw new CliError({ id: 'Konfigurasi lingkungan tidak valid.', en: 'Invalid environment configuration.' }, [(err as Error).message]);
  }
  return cmd.run(values, { io, env });
}

/**
 * Runs one CLI invocation and returns its exit code. Output goes to io.stdout / io.stderr;
 * user and environment errors are printed as bilingual messages without a stack trace.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    println(name ? io.stdout : io.stderr, generalHelp());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    println(io.stdout, appVersion);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    printError(io, new CliError({ id: `Perintah tidak dikenal: ${name}.`, en: `Unknown command: ${name}.` }, ['Lihat (see): npm run cli -- --help']));
    return 1;
  }
  try {
    return await runCommand(cmd, rest, io);
  } catch (err) {
    const known = knownError(err);
    if (known) {
      printError(io, known);
      return 1;
    }
    const debug = (io.env ?? process.env).PERSADA_DEBUG;
    println(io.stderr, `Kesalahan tak terduga (unexpected error): ${err instanceof Error ? err.message : String(err)}`);
    if (debug && err instanceof Error && err.stack) println(io.stderr, err.stack);
    else println(io.stderr, '  (PERSADA_DEBUG=1 untuk rincian teknis / for technical details)');
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
