import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { loadEnv } from '../src/config/env.js';
import { bootstrap, type Running } from '../src/app/bootstrap.js';
import { createTenant, createUserWithRoles } from '../src/modules/tenants/tenants.service.js';
import { withDatabase } from './pg-server.js';

export const TEST_PASSWORD = 'Rahasia-Uji#2026';

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `persada_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    },
  };
}

export type TestApp = Running & { url: string; dataDir: string; stop: () => Promise<void> };

/** Boots the real server on a fresh PostgreSQL database (no demo seed, jobs off unless asked). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-test-'));
  const config = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    JOBS: 'false',
    RATE_LIMIT_MAX: '100000',
    LOGIN_RATE_LIMIT: '100000',
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...env,
  });
  const log = pino({ level: config.LOG_LEVEL }) as unknown as FastifyBaseLogger;
  const running = await bootstrap(config, { log });
  await running.app.ready();
  return {
    ...running,
    url: db.url,
    dataDir,
    stop: async () => {
      await running.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A Pemda with one OPD and a user holding the given role codes. */
export async function makeTenant(t: TestApp, opts: { slug?: string; roles?: string[] } = {}) {
  const n = ++counter;
  const slug = opts.slug ?? `pemda-${n}-${randomBytes(3).toString('hex')}`;
  const tenant = await createTenant(t.deps.database.db, {
    slug,
    name: `Kota Uji ${n}`,
    level: 'kota',
    domain: `${slug}.go.id`,
  });
  const email = `admin@${slug}.go.id`;
  const user = await createUserWithRoles(t.deps.database.db, tenant.id, {
    email,
    displayName: `Admin ${n}`,
    password: TEST_PASSWORD,
    roles: (opts.roles ?? ['admin']).map((code) => ({ code })),
  });
  return { tenant, user, email };
}

/** Logs in through the real endpoint and returns the session cookie header. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'persada_session');
  if (!cookie) throw new Error('no session cookie');
  return `persada_session=${cookie.value}`;
}

/** Small client around app.inject with a session cookie. */
export function client(t: TestApp, cookie?: string) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as any } : method !== 'GET' && method !== 'DELETE' ? { payload: {} } : {}),
    });
    let body: any = res.body;
    try {
      body = res.json();
    } catch {
      /* non-JSON */
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload),
    put: (url: string, payload?: unknown) => call('PUT', url, payload),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload),
    del: (url: string) => call('DELETE', url),
  };
}
