import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import type { JobQueue } from '../../app/deps.js';

export type JobHandler = (data: any) => Promise<void>;
export type JobDefinition = { name: string; cron?: string; handler: JobHandler; batchSize?: number };

export type Jobs = JobQueue & { stop(): Promise<void>; boss: PgBoss };

/**
 * pg-boss on either backend: a pool on PostgreSQL, or the single PGlite connection through
 * its native driver (multi-statement scripts go through exec()).
 */
export async function startJobs(
  database: Database,
  opts: { url?: string; log: FastifyBaseLogger; definitions: JobDefinition[]; work: boolean },
): Promise<Jobs> {
  const common = {
    schema: 'pgboss',
    // PGlite serializes every statement: keep polling modest.
    pollingIntervalSeconds: database.kind === 'pglite' ? 5 : 2,
    supervise: true,
    schedule: opts.work,
  };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ connectionString: opts.url!, max: 4, ...common })
      : new PgBoss({ db: { executeSql: (text, values) => database.raw(text, values) }, ...common });
  boss.on('error', (err) => opts.log.error({ err }, 'pg-boss error'));
  await boss.start();
  for (const def of opts.definitions) {
    await boss.createQueue(def.name);
    if (opts.work) {
      await boss.work(def.name, { batchSize: def.batchSize ?? 1 }, async (jobs) => {
        for (const job of jobs) await def.handler(job.data);
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Jakarta' });
    }
  }
  return {
    boss,
    send: (name, data, o) =>
      boss.send(name, data, {
        ...(o?.startAfter !== undefined ? { startAfter: o.startAfter as any } : {}),
        ...(o?.singletonKey ? { singletonKey: o.singletonKey } : {}),
      }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
