import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRoles } from '@persada/shared';
import { loadEnv } from '../src/config/env.js';
import { bootstrap, type Running } from '../src/app/bootstrap.js';
import { systemActor } from '../src/platform/context/actor.js';

/**
 * The embedded database (PGlite) end to end: first start seeds the demo Pemda, the API and
 * pg-boss work on it, and a restart on the same data directory keeps everything (A1, A2).
 */
const ADMIN_PASSWORD = 'Demo-Persada#2026';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-pglite-'));
let running: Running | null = null;

// DATABASE_URL must be absent (not just empty in the process env) for PGlite to be chosen.
const env = () =>
  loadEnv({
    DATABASE_URL: undefined,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JOBS: 'true',
    SEED_DEMO: 'true',
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST: path.join(dataDir, 'none'),
  });

afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api(r: Running, method: 'GET' | 'POST', url: string, cookie?: string, payload?: unknown) {
  const res = await r.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as any } : {}) });
  return { status: res.statusCode, body: res.json() as any };
}

async function signIn(r: Running, email: string) {
  const res = await r.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: ADMIN_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return `persada_session=${res.cookies.find((c) => c.name === 'persada_session')!.value}`;
}

let adminEmail: string;
let opdId: string;

describe('embedded database (PGlite)', () => {
  it('[A1] [K14] first start: migrates, seeds the demo Pemda (with its CA) and serves the API', { timeout: 120_000 }, async () => {
    running = await bootstrap(env());
    await running.app.ready();
    const r = running;

    expect(r.deps.database.kind).toBe('pglite');
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    const health = await api(r, 'GET', '/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: 'pglite' } });

    // The demo seed ran once and reports its logins: one per built-in role.
    expect(r.seeded).not.toBeNull();
    adminEmail = r.seeded!.adminEmail;
    expect(r.seeded!.password).toBe(ADMIN_PASSWORD);
    expect(new Set(r.seeded!.users.map((u) => u.role))).toEqual(new Set(defaultRoles.map((x) => x.code)));

    const cookie = await signIn(r, adminEmail);
    const tenant = await api(r, 'GET', '/api/tenant', cookie);
    expect(tenant.body).toMatchObject({ name: 'Kota Contoh', level: 'kota' });
    const opds = await api(r, 'GET', '/api/opds?pageSize=100', cookie);
    expect(opds.body.total).toBeGreaterThanOrEqual(10);
    const users = await api(r, 'GET', '/api/users?pageSize=100', cookie);
    const codes = users.body.items.flatMap((u: any) => u.roles.map((x: any) => x.code));
    for (const role of defaultRoles) expect(codes.filter((c: string) => c === role.code), role.code).toHaveLength(1);
    // The demo Pemda's CA exists from the start: its root is published for relying parties (K14).
    const root = await r.app.inject({ method: 'GET', url: '/pki/kota-contoh/root.crt' });
    expect(root.statusCode).toBe(200);
    expect(root.rawPayload.length).toBeGreaterThan(300);
    // Another seeded login works with the same demo password.
    const auditor = r.seeded!.users.find((u) => u.role === 'auditor')!;
    const auditorCookie = await signIn(r, auditor.email);
    expect((await api(r, 'GET', '/api/audit/verify', auditorCookie)).body.ok).toBe(true);
  });

  it('[A2] creates an OPD and a person with a NIP, and the audit chain verifies', { timeout: 60_000 }, async () => {
    const r = running!;
    const cookie = await signIn(r, adminEmail);
    const opd = await api(r, 'POST', '/api/opds', cookie, { code: '3.99', name: 'Dinas Uji PGlite', shortName: 'DUP', kind: 'dinas' });
    expect(opd.status).toBe(200);
    opdId = opd.body.id;
    const person = await api(r, 'POST', '/api/people', cookie, { fullName: 'Wulan Sari', kind: 'asn', nip: '199204142018012003', email: 'wulan.sari@contohkota.go.id', opdId });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ birthDate: '1992-04-14', sex: 'P' });
    const found = await api(r, 'GET', `/api/people?q=Wulan&opdId=${opdId}`, cookie);
    expect(found.body.total).toBe(1);
    const verify = await api(r, 'GET', '/api/audit/verify', cookie);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.entries).toBeGreaterThan(20);
  });

  it('[A1] pg-boss runs on PGlite: reminders fire into notifications and jobs are queued', { timeout: 60_000 }, async () => {
    const r = running!;
    expect(r.jobs).not.toBeNull();
    const cookie = await signIn(r, adminEmail);
    const me = (await api(r, 'GET', '/api/auth/me', cookie)).body;
    const actor = systemActor(me.tenant.id, 'uji pengingat');
    const reminder = await r.deps.database.db.transaction((tx) =>
      r.services.notifications.schedule(tx, actor, {
        kind: 'uji',
        entity: 'opd',
        entityId: opdId,
        dueAt: new Date(Date.now() + 3_600_000),
        recipientUserIds: [me.userId],
        title: 'Pengingat uji PGlite',
        body: 'Tenggat sudah tiba.',
        link: `/opd/${opdId}`,
      }),
    );
    expect(reminder.id).toBeTruthy();
    // Due in an hour, so the every-minute job cannot claim it first; fire it with the clock two hours on.
    const later = new Date(Date.now() + 7_200_000);
    expect(await r.services.notifications.fireDue(new Date())).toBe(0);
    expect(await r.services.notifications.fireDue(later)).toBe(1);
    const list = (await api(r, 'GET', '/api/notifications', cookie)).body;
    expect(list.items.filter((n: any) => n.title === 'Pengingat uji PGlite')).toEqual([
      expect.objectContaining({ kind: 'reminder.uji', body: 'Tenggat sudah tiba.', readAt: null }),
    ]);
    expect(await r.services.notifications.fireDue(later)).toBe(0);
    expect((await api(r, 'GET', '/api/notifications/unread-count', cookie)).body.count).toBeGreaterThanOrEqual(1);
    const jobId = await r.jobs!.send('notifications.deliver', {});
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await r.jobs!.boss.getJobById('notifications.deliver', jobId!)).toMatchObject({ id: jobId, name: 'notifications.deliver' });
  });

  it('[A1] a restart on the same data directory keeps the data and does not seed again', { timeout: 120_000 }, async () => {
    await running!.close();
    running = null;
    running = await bootstrap(env());
    await running.app.ready();
    const r = running;
    expect(r.seeded).toBeNull();
    expect((await api(r, 'GET', '/api/health')).body).toMatchObject({ status: 'ok', db: 'pglite' });
    const cookie = await signIn(r, adminEmail);
    const opd = await api(r, 'GET', `/api/opds/${opdId}`, cookie);
    expect(opd).toMatchObject({ status: 200, body: { name: 'Dinas Uji PGlite', peopleCount: 1 } });
    const tenants = await r.deps.database.raw('select count(*)::int as n from tenants');
    expect(tenants.rows[0].n).toBe(1);
    const notes = (await api(r, 'GET', '/api/notifications', cookie)).body;
    expect(notes.items.map((n: any) => n.title)).toContain('Pengingat uji PGlite');
    const verify = await api(r, 'GET', '/api/audit/verify', cookie);
    expect(verify.body.ok).toBe(true);
  });
});
