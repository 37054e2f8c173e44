import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { syncPermissions } from '../src/modules/tenants/tenants.service.js';
import { canConnect, startThrowawayCluster, withDatabase } from './pg-server.js';

/** Prepares one migrated template database; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let stop: (() => void) | undefined;
  if (!(await canConnect(adminUrl))) {
    const cluster = await startThrowawayCluster();
    adminUrl = cluster.url;
    stop = cluster.stop;
  }
  const runId = `${process.pid}${Date.now().toString(36)}`;
  const template = `persada_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ url: withDatabase(adminUrl, template), dataDir: '/tmp' });
  await migrate(database);
  await syncPermissions(database.db);
  await database.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgRunId', runId);

  return async () => {
    // Only this run's databases: other runs may share the server.
    const { rows } = await admin.query(`select datname from pg_database where datname like $1 or datname = $2`, [`persada\\_t\\_${runId}\\_%`, template]);
    for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
    await admin.end();
    stop?.();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRunId: string;
  }
}
