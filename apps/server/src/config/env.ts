import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (…/apps/server/src/config → …). */
export const repoRoot = path.resolve(here, '../../../..');
export const serverRoot = path.resolve(here, '../..');

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().default(3000),
  PUBLIC_URL: z.string().optional(),
  LOG_LEVEL: z.string().default('info'),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  /** Seed the demo Pemda on an empty database (default: yes). */
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v !== 'false' && v !== '0'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Persada <no-reply@persada.local>'),
  FILE_ENCRYPTION_KEY: z.string().optional(),
  APP_SECRET_KEY: z.string().optional(),
  MAX_UPLOAD_MB: z.coerce.number().default(25),
  /** PEM bundle of extra trusted roots for the signature verifier (e.g. BSrE's root and CAs). */
  SIGNING_EXTRA_ROOTS: z.string().optional(),
  /** Where CA private keys live: "software" (sealed with APP_SECRET_KEY) or "pkcs11" (a token/HSM). */
  PKI_KEYSTORE: z.enum(['software', 'pkcs11']).default('software'),
  /** PKCS#11 library of the token (default: Debian's SoftHSM2). */
  PKCS11_MODULE: z.string().default('/usr/lib/softhsm/libsofthsm2.so'),
  PKCS11_TOKEN_LABEL: z.string().default('persada'),
  /** User PIN of the token, or a file holding it (the file wins). */
  PKCS11_PIN: z.string().optional(),
  PKCS11_PIN_FILE: z.string().optional(),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('SSO Pemda'),
  SESSION_IDLE_MINUTES: z.coerce.number().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().default(12),
  /** How long one process may reuse a session lookup when nothing was written meanwhile (0 = never). */
  SESSION_CACHE_MS: z.coerce.number().min(0).max(10_000).default(2000),
  RATE_LIMIT_MAX: z.coerce.number().default(300),
  /** Login attempts per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().default(20),
  /** Reverse proxies to trust for X-Forwarded-For: "false", "true", or addresses/CIDRs (comma-separated). */
  TRUST_PROXY: z.string().default('false'),
  LOGIN_MAX_FAILURES: z.coerce.number().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().default(15),
  JOBS: bool.default(true),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
});

export type Env = z.infer<typeof ZEnv> & { JOBS: boolean };

export function loadEnv(over: Record<string, string | undefined> = {}): Env {
  const merged = { ...process.env, ...over };
  if (merged.JOBS === undefined) merged.JOBS = 'true';
  const parsed = ZEnv.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi lingkungan tidak valid / invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data as Env;
}

export const appVersion = '0.1.0';
