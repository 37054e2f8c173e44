import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from './harness.js';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, in process) over real HTTP:
 * authorization code flow with PKCE, the provider's development login and consent pages,
 * and Persada's callback matching the account by e-mail or NIP (A5).
 */
const SECRET = 'rahasia-klien-persada-uji-0123456789';
const NIP = '198704142010011002';
let t: TestApp;
let appUrl: string;
let idp: http.Server;
let issuer: string;
let slug: string;

/** Claims the provider releases per account id (the `sub`). */
const accounts: Record<string, Record<string, unknown>> = {};

/** A minimal cookie jar: one host (127.0.0.1) serves both the provider and Persada, as in a browser. */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()) || attrs.some((a) => /^\s*max-age=0/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Fetches with manual redirects, storing cookies, until a non-redirect answer or a URL `stop` accepts. */
async function go(jar: Jar, url: string, opts: { form?: Record<string, string>; stop?: (u: string) => boolean } = {}) {
  let init: RequestInit = opts.form
    ? { method: 'POST', body: new URLSearchParams(opts.form), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    : { method: 'GET' };
  for (let hops = 0; hops < 20; hops++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { res, url };
    url = new URL(location, url).href;
    init = { method: 'GET' };
    if (opts.stop?.(url)) return { res, url };
  }
  throw new Error('too many redirects');
}

const isCallback = (u: string) => u.startsWith(`${appUrl}/api/auth/sso/callback`);

/**
 * Runs the browser side of SSO up to (not including) Persada's callback: start → provider →
 * development login page (any password) → consent page. Returns the callback URL with code and state.
 */
async function toCallback(jar: Jar, account: string): Promise<string> {
  let { res, url } = await go(jar, `${appUrl}/api/auth/sso/start`, { stop: isCallback });
  const prompts: string[] = [];
  while (!isCallback(url)) {
    expect(res.status, url).toBe(200);
    expect(url).toMatch(new RegExp(`^${issuer}/interaction/`));
    const html = await res.text();
    const prompt = html.match(/name="prompt" value="(\w+)"/)?.[1];
    if (!prompt) throw new Error(`no interaction prompt in ${html.slice(0, 300)}`);
    prompts.push(prompt);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'sandi-apa-saja' } : { prompt };
    ({ res, url } = await go(jar, url, { form, stop: isCallback }));
  }
  expect(prompts).toEqual(['login', 'consent']);
  return url;
}

/** Calls Persada's callback as the browser would (optionally with a changed URL). */
async function callback(jar: Jar, url: string) {
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.store(res);
  return res;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

beforeAll(async () => {
  // The provider: started first so its issuer URL is known.
  let handler: http.RequestListener = (_req, res) => res.end();
  idp = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;

  // oidc-provider ships no type declarations: load it untyped.
  const name = 'oidc-provider';
  const { default: Provider } = (await import(name)) as { default: any };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'persada',
        client_secret: SECRET,
        redirect_uris: [`${appUrl}/api/auth/sso/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'nip'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['kunci-cookie-idp-uji'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx: unknown, sub: string) {
      if (!accounts[sub]) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) };
    },
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('oidc-provider', err));
  handler = provider.callback();

  t = await startTestApp({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'persada', OIDC_CLIENT_SECRET: SECRET, PUBLIC_URL: appUrl });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
  const tenant = await makeTenant(t);
  slug = tenant.tenant.slug;
  accounts['akun-email'] = { email: tenant.email.toUpperCase(), email_verified: true, name: 'Admin Uji' };
  accounts['akun-tanpa-pengguna'] = { email: 'tidak.dikenal@contoh.go.id', email_verified: true };
  accounts['akun-belum-verifikasi'] = { email: tenant.email, email_verified: false };
  accounts['akun-nip'] = { nip: NIP };

  // A person with that NIP and a login of their own, created through the API as the admin.
  const api = client(t, await login(t, tenant.email));
  const opd = await api.post('/api/opds', { code: '2.16', name: 'Dinas Komunikasi dan Informatika' });
  const person = await api.post('/api/people', { fullName: 'Rudi Hartono', kind: 'asn', nip: NIP, email: 'rudi.hartono@uji.go.id', opdId: opd.body.id });
  expect(person.status).toBe(200);
  const roles = await api.get('/api/roles');
  const auditor = roles.body.find((r: any) => r.code === 'auditor');
  const user = await api.post('/api/users', { personId: person.body.id, email: 'rudi.sso@uji.go.id', roles: [{ roleId: auditor.id }] });
  expect(user.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t?.stop();
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
});

async function me(jar: Jar) {
  const res = await fetch(`${appUrl}/api/auth/me`, { headers: { cookie: `persada_session=${jar.get('persada_session')}` } });
  return { status: res.status, body: (await res.json()) as any };
}

describe('single sign-on (OIDC)', () => {
  it('[A5] advertises SSO and sends the browser to the provider with PKCE, state and nonce', async () => {
    const cfg = await fetch(`${appUrl}/api/auth/sso/config`);
    expect(await cfg.json()).toEqual({ enabled: true, label: 'SSO Pemda' });
    const start = await fetch(`${appUrl}/api/auth/sso/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const to = new URL(start.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'persada',
      response_type: 'code',
      redirect_uri: `${appUrl}/api/auth/sso/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const p of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(p)).toMatch(/^[\w-]{32,}$/);
  });

  it('[A5] logs in the user whose e-mail the provider asserts', async () => {
    const jar = new Jar();
    const url = await toCallback(jar, 'akun-email');
    expect(new URL(url).searchParams.get('code')).toBeTruthy();
    const res = await callback(jar, url);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('persada_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const who = await me(jar);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ email: `admin@${slug}.go.id`, tenant: { slug }, mfaPending: false });
    expect(who.body.permissions.length).toBeGreaterThan(5);
    // The login is in the audit trail as an SSO login.
    const audit = await fetch(`${appUrl}/api/audit?action=auth.sso_login`, { headers: { cookie: `persada_session=${jar.get('persada_session')}` } });
    expect(((await audit.json()) as any).total).toBe(1);
  });

  it('[A5] logs in by the NIP claim when the provider sends no e-mail', async () => {
    const jar = new Jar();
    const res = await callback(jar, await toCallback(jar, 'akun-nip'));
    expect(res.status, await res.clone().text()).toBe(302);
    const who = await me(jar);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ email: 'rudi.sso@uji.go.id', displayName: 'Rudi Hartono', roles: [expect.objectContaining({ code: 'auditor' })] });
  });

  it('[A5] refuses a NIP that users of two Pemda share instead of picking one', async () => {
    const other = await makeTenant(t);
    const api = client(t, await login(t, other.email));
    const opd = await api.post('/api/opds', { code: '1.01', name: 'Sekretariat Daerah' });
    const person = await api.post('/api/people', { fullName: 'Rudi Hartono', kind: 'asn', nip: NIP, email: 'rudi@lain.go.id', opdId: opd.body.id });
    const role = (await api.get('/api/roles')).body.find((r: any) => r.code === 'asn');
    expect((await api.post('/api/users', { personId: person.body.id, email: 'rudi@lain.go.id', roles: [{ roleId: role.id }] })).status).toBe(200);
    const jar = new Jar();
    const res = await callback(jar, await toCallback(jar, 'akun-nip'));
    expect(res.status).toBe(403);
    expect(jar.get('persada_session')).toBeUndefined();
    // Once the other Pemda's record is gone, the NIP is unambiguous again.
    expect((await api.del(`/api/people/${person.body.id}`)).status).toBe(200);
    const again = new Jar();
    expect((await callback(again, await toCallback(again, 'akun-nip'))).status).toBe(302);
    expect((await me(again)).body.email).toBe('rudi.sso@uji.go.id');
  });

  it('[A5] refuses an account that matches no user, in Indonesian', async () => {
    for (const account of ['akun-tanpa-pengguna', 'akun-belum-verifikasi']) {
      const jar = new Jar();
      const res = await callback(jar, await toCallback(jar, account));
      expect(res.status, account).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as any;
      expect(body.title).toBe('Akun SSO tidak cocok dengan pengguna mana pun (email atau NIP).');
      expect(body.title_en).toBeTruthy();
      expect(jar.get('persada_session')).toBeUndefined();
    }
  });

  it('[A5] rejects a tampered state and a replayed callback', async () => {
    const jar = new Jar();
    const url = await toCallback(jar, 'akun-email');
    const tampered = new URL(url);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const bad = await callback(jar, tampered.href);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).title).toBe('Masuk tunggal gagal.');
    expect(jar.get('persada_session')).toBeUndefined();
    // The genuine callback still works once; replaying it fails (state is single-use).
    expect((await callback(jar, url)).status).toBe(302);
    expect((await me(jar)).status).toBe(200);
    expect((await callback(new Jar(), url)).status).toBe(400);
    // A callback without any state is refused too.
    expect((await callback(new Jar(), `${appUrl}/api/auth/sso/callback?code=abc`)).status).toBe(400);
  });
});
