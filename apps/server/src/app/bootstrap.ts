import pino from 'pino';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import type { Env } from '../config/env.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { tenants } from '../db/schema/index.js';
import { createSecretBox, loadAppKey } from '../platform/crypto/secret-box.js';
import { loadOrCreateMasterKey } from '../platform/files/index.js';
import { createMailer } from '../platform/mail/index.js';
import { startJobs, type Jobs } from '../platform/jobs/jobs.js';
import { DELIVER_JOB, REMINDERS_JOB } from '../modules/notifications/notifications.service.js';
import { syncPermissions } from '../modules/tenants/tenants.service.js';
import { seedDemo } from '../seed/demo.js';
import type { DemoSeedContext } from '../seed/context.js';
import { temporaryPassword } from '../platform/crypto/tokens.js';
import { buildServer, createServices, type Services } from './server.js';
import type { AppDeps } from './deps.js';

export type Running = {
  app: FastifyInstance;
  deps: AppDeps;
  services: Services;
  jobs: Jobs | null;
  seeded: { adminEmail: string; password: string; users: { email: string; role: string }[] } | null;
  close(): Promise<void>;
};

export function createLogger(env: Env): FastifyBaseLogger {
  // JSON lines for log collectors; readable lines when a person watches the terminal.
  const pretty = process.stdout.isTTY && env.NODE_ENV !== 'production';
  return pino({
    level: env.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  }) as unknown as FastifyBaseLogger;
}

/**
 * Opens the database (PGlite when DATABASE_URL is unset), migrates, seeds the demo Pemda on an
 * empty database, starts jobs and builds the HTTP server. Used by main.ts, the CLI and tests.
 */
export async function bootstrap(env: Env, opts: { log?: FastifyBaseLogger; database?: Database; seedDemo?: boolean } = {}): Promise<Running> {
  const log = opts.log ?? createLogger(env);
  const database = opts.database ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  await migrate(database);
  await syncPermissions(database.db);

  let seeded: Running['seeded'] = null;
  let demoContext: DemoSeedContext | null = null;
  const [{ n }] = await database.db.select({ n: count() }).from(tenants);
  if (n === 0 && (opts.seedDemo ?? env.SEED_DEMO ?? true)) {
    const password = env.ADMIN_PASSWORD ?? temporaryPassword();
    const r = await seedDemo(database.db, password);
    seeded = { adminEmail: env.ADMIN_EMAIL ?? r.adminEmail, password, users: r.users };
    demoContext = r.context;
  }

  const appKey = loadAppKey(env.DATA_DIR, env.APP_SECRET_KEY);
  const fileKey = await loadOrCreateMasterKey(env.DATA_DIR, env.FILE_ENCRYPTION_KEY);
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger: log, ignoreTLS: true });
  const deps: AppDeps = { env, database, appKey, secretBox: createSecretBox(appKey, 'totp'), log, mailer, jobs: null };
  const services = createServices(deps, fileKey);
  if (demoContext) for (const m of services.modules.values()) await m.seedDemo?.(demoContext);

  let jobs: Jobs | null = null;
  if (env.JOBS) {
    jobs = await startJobs(database, {
      url: env.DATABASE_URL,
      log,
      work: true,
      definitions: [
        { name: REMINDERS_JOB, cron: '* * * * *', handler: async () => void (await services.notifications.fireDue()) },
        { name: DELIVER_JOB, cron: '* * * * *', handler: async () => void (await services.notifications.deliverPendingEmails()) },
        ...[...services.modules.values()].flatMap((m) => m.jobs ?? []),
      ],
    });
    deps.jobs = jobs;
  }

  const app = await buildServer(deps, services);
  let closed = false;
  return {
    app,
    deps,
    services,
    jobs,
    seeded,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await jobs?.stop().catch((err) => log.warn({ err }, 'jobs stop failed'));
      mailer.close();
      for (const m of services.modules.values()) await m.close?.();
      if (!opts.database) await database.close();
    },
  };
}
