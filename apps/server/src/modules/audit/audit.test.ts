import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let tenantId: string;
let cookie: string;

beforeAll(async () => {
  t = await startTestApp();
  const made = await makeTenant(t);
  tenantId = made.tenant.id;
  cookie = await login(t, made.email);
  api = client(t, cookie);
});
afterAll(() => t?.stop());

async function sql(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

describe('audit trail', () => {
  it('[A6] records who changed what, before and after, with request id and IP', async () => {
    const opd = await api.post('/api/opds', { code: 'A.1', name: 'Dinas Audit' });
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/opds/${opd.body.id}`,
      headers: { cookie, 'x-request-id': 'req-uji-12345' },
      payload: { code: 'A.1', name: 'Dinas Audit Baru' },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.headers['x-request-id']).toBe('req-uji-12345');
    const log = await api.get(`/api/audit?entity=opd&entityId=${opd.body.id}`);
    expect(log.status).toBe(200);
    const [update, create] = log.body.items;
    expect(create).toMatchObject({ action: 'create', entity: 'opd', actorLabel: expect.stringContaining('Admin') });
    expect(update.action).toBe('update');
    expect(update.before.name).toBe('Dinas Audit');
    expect(update.after.name).toBe('Dinas Audit Baru');
    expect(update.requestId).toBe('req-uji-12345');
    expect(update.ip).toBeTruthy();
    expect(update.seq).toBeGreaterThan(create.seq);
  });

  it('[A6] counts the whole trail from its last sequence number', async () => {
    const all = await api.get('/api/audit?pageSize=5');
    const verify = await api.get('/api/audit/verify');
    expect(all.body.total).toBe(verify.body.entries);
    expect(all.body.totalCapped).toBe(false);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.items[0].seq).toBe(verify.body.entries);
  });

  it('[A4] never stores password hashes or secrets in the trail', async () => {
    await api.post('/api/me/password', { currentPassword: 'Rahasia-Uji#2026', newPassword: 'Rahasia-Baru#2026' });
    const { rows } = await sql(`select before_json, after_json from audit_log where tenant_id = $1`, [tenantId]);
    const all = JSON.stringify(rows);
    expect(all).not.toMatch(/\$argon2id\$/);
  });

  it('[A6] the database recomputes the same hashes the app wrote, whatever the text', async () => {
    const created = await api.post('/api/opds', { code: 'U.1', name: 'Dinas Ñusantara – “uji” \\ 日本 🚀\u0007', shortName: null });
    expect(created.status).toBe(200);
    const ok = await api.get('/api/audit/verify');
    expect(ok.body.ok).toBe(true);
  });

  it('[A6] verifies the chain, and fails at exactly the row edited behind the app\'s back', async () => {
    const ok = await api.get('/api/audit/verify');
    expect(ok.body.ok).toBe(true);
    expect(ok.body.entries).toBeGreaterThan(5);
    // The table refuses updates…
    await expect(sql(`update audit_log set action = 'x' where tenant_id = $1 and seq = 3`, [tenantId])).rejects.toThrow(/append-only/);
    // …so a tamperer has to disable the trigger first; the hash chain still catches it.
    const { rows } = await sql(`select id from audit_log where tenant_id = $1 and seq = 3`, [tenantId]);
    await sql(`alter table audit_log disable trigger audit_log_no_update`);
    await sql(`update audit_log set after_json = '{"name":"dipalsukan"}' where id = $1`, [rows[0].id]);
    await sql(`alter table audit_log enable trigger audit_log_no_update`);
    const broken = await api.get('/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, firstBrokenId: String(rows[0].id), entries: 2 });
  });

  it('[A6] detects a deleted entry in the middle of the chain', async () => {
    const other = await makeTenant(t);
    const api2 = client(t, await login(t, other.email));
    await api2.post('/api/opds', { code: 'B.1', name: 'OPD B' });
    const { rows } = await sql(`select id from audit_log where tenant_id = $1 order by seq limit 1 offset 2`, [other.tenant.id]);
    await sql(`alter table audit_log disable trigger audit_log_no_update`);
    await sql(`delete from audit_log where id = $1`, [rows[0].id]);
    await sql(`alter table audit_log enable trigger audit_log_no_update`);
    const r = await api2.get('/api/audit/verify');
    expect(r.body.ok).toBe(false);
    expect(Number(r.body.firstBrokenId)).toBeGreaterThan(Number(rows[0].id));
  });

  it('[A6] filters by action and date and exports to Excel', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await api.get(`/api/audit?action=create&entity=opd&from=${today}&to=${today}`);
    expect(res.body.items.every((e: any) => e.action === 'create' && e.entity === 'opd')).toBe(true);
    const none = await api.get('/api/audit?from=2000-01-01&to=2000-01-02');
    expect(none.body.total).toBe(0);
    const xlsx = await api.get('/api/audit/export?format=xlsx&entity=opd');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });
});
