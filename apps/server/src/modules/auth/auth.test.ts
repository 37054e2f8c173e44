import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let email: string;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' });
  ({ email } = await makeTenant(t));
});
afterAll(() => t?.stop());

const loginRaw = (e: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: e, password } });

describe('login and sessions', () => {
  it('[A4] logs in, sets an HttpOnly SameSite session cookie and answers /me', async () => {
    const res = await loginRaw(email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'persada_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const me = await client(t, `persada_session=${c.value}`).get('/api/auth/me');
    expect(me.body).toMatchObject({ email, mfaPending: false });
    expect(me.body.permissions).toContain('audit.verify');
  });

  it('[A4] refuses a wrong password in Indonesian without saying whether the account exists', async () => {
    const wrong = await loginRaw(email, 'Salah-Sandi#123');
    const unknown = await loginRaw('tidak.ada@uji.go.id', 'Salah-Sandi#123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe('Email atau kata sandi salah.');
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it('[A4] locks the account after repeated failures, even for the right password, until an admin unlocks it', async () => {
    const { email: victim, user } = await makeTenant(t, { roles: ['asn'] });
    const admin = client(t, await login(t, email));
    for (let i = 0; i < 3; i++) await loginRaw(victim, 'Salah-Sandi#123');
    const locked = await loginRaw(victim, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().title).toContain('dikunci sementara');
    // The victim lives in another tenant: this admin cannot unlock them.
    expect((await admin.post(`/api/users/${user.id}/unlock`)).status).toBe(404);
  });

  it('[A4] enforces the BSSN password policy and refuses the last five passwords', async () => {
    const { email: e } = await makeTenant(t);
    const api = client(t, await login(t, e));
    const weak = await api.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'pendek' });
    expect(weak.status).toBe(400);
    const msgs = weak.body.errors.map((x: any) => x.message);
    expect(msgs).toEqual(
      expect.arrayContaining(['Kata sandi minimal 12 karakter.', 'Kata sandi harus memuat huruf besar.', 'Kata sandi harus memuat angka.', 'Kata sandi harus memuat simbol.']),
    );
    let current = TEST_PASSWORD;
    for (const next of ['Sandi-Baru#0001', 'Sandi-Baru#0002']) {
      expect((await api.post('/api/me/password', { currentPassword: current, newPassword: next })).status).toBe(200);
      current = next;
    }
    const reuse = await api.post('/api/me/password', { currentPassword: current, newPassword: TEST_PASSWORD });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors[0].message).toBe('Kata sandi tidak boleh sama dengan 5 kata sandi terakhir.');
    expect((await loginRaw(e, current)).statusCode).toBe(200);
  });

  it('[A4] lists own sessions and revokes another one', async () => {
    const { email: e } = await makeTenant(t);
    const first = await login(t, e);
    const second = await login(t, e);
    const api = client(t, first);
    const sessions = await api.get('/api/me/sessions');
    expect(sessions.body).toHaveLength(2);
    const other = sessions.body.find((s: any) => !s.current);
    expect((await api.del(`/api/me/sessions/${other.id}`)).status).toBe(200);
    expect((await client(t, second).get('/api/auth/me')).status).toBe(401);
    expect((await api.get('/api/auth/me')).status).toBe(200);
  });

  it('[A4] ends a session after logout', async () => {
    const cookie = await login(t, email);
    const api = client(t, cookie);
    expect((await api.post('/api/auth/logout')).status).toBe(200);
    const after = await api.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.title).toBe('Sesi Anda telah berakhir. Silakan masuk kembali.');
  });
});

describe('second factor', () => {
  it('[A4] enables TOTP, then requires the code at login, and accepts a recovery code once', async () => {
    const { email: e } = await makeTenant(t);
    const api = client(t, await login(t, e));
    const setup = await api.post('/api/me/totp/setup');
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrSvg).toContain('<svg');
    const bad = await api.post('/api/me/totp/enable', { code: '000000' });
    expect(bad.status).toBe(400);
    const enabled = await api.post('/api/me/totp/enable', { code: await generate({ secret: setup.body.secret }) });
    expect(enabled.body.recoveryCodes).toHaveLength(10);

    const res = await loginRaw(e, TEST_PASSWORD);
    expect(res.json()).toEqual({ mfaRequired: true });
    const pending = client(t, `persada_session=${res.cookies.find((c) => c.name === 'persada_session')!.value}`);
    const blocked = await pending.get('/api/opds');
    expect(blocked.status).toBe(401);
    expect(blocked.body.title).toBe('Masukkan kode dari aplikasi autentikator.');
    expect((await pending.get('/api/auth/me')).body.mfaPending).toBe(true);
    expect((await pending.post('/api/auth/totp/verify', { code: '123456' })).status).toBe(401);
    const code = enabled.body.recoveryCodes[0];
    expect((await pending.post('/api/auth/totp/verify', { code })).status).toBe(200);
    expect((await pending.get('/api/opds')).status).toBe(200);

    // A recovery code works only once.
    const again = await loginRaw(e, TEST_PASSWORD);
    const p2 = client(t, `persada_session=${again.cookies.find((c) => c.name === 'persada_session')!.value}`);
    expect((await p2.post('/api/auth/totp/verify', { code })).status).toBe(401);
    expect((await p2.post('/api/auth/totp/verify', { code: await generate({ secret: setup.body.secret }) })).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('[A5] issues a scoped, expiring token that works as Bearer and is limited to its scopes', async () => {
    const api = client(t, await login(t, email));
    const created = await api.post('/api/me/tokens', { name: 'Integrasi SIMPEG', scopes: ['people.read'], expiresInDays: 30 });
    expect(created.status).toBe(200);
    expect(created.body.token).toMatch(/^psd_/);
    const bearer = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${created.body.token}` }, payload });
    expect((await bearer('/api/people')).statusCode).toBe(200);
    expect((await bearer('/api/opds', 'POST', { code: 'X1', name: 'OPD Token' })).statusCode).toBe(403);
    const list = await api.get('/api/me/tokens');
    expect(list.body[0]).toMatchObject({ name: 'Integrasi SIMPEG', scopes: ['people.read'] });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await api.del(`/api/me/tokens/${created.body.id}`)).status).toBe(200);
    expect((await bearer('/api/people')).statusCode).toBe(401);
    const tooWide = await api.post('/api/me/tokens', { name: 'x', scopes: ['no.such'], expiresInDays: 1 });
    expect(tooWide.status).toBe(400);
  });
});

describe('request protections', () => {
  it('[A4] rejects a cookie-authenticated write from a foreign Origin', async () => {
    const cookie = await login(t, email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/opds',
      headers: { cookie, origin: 'https://jahat.example', host: 'localhost' },
      payload: { code: 'Z9', name: 'Dari luar' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('error.origin');
  });
});
