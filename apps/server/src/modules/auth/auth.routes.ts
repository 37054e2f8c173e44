import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZApiTokenInput, ZChangePasswordInput, ZLoginInput, ZMe, ZOk, ZSession, ZTotpInput } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { unauthenticated } from '../../platform/http/errors.js';
import type { AuthService } from './auth.service.js';
import type { OidcLogin } from './oidc.js';

type CookieOps = { setSessionCookie(reply: any, token: string): void; clearSessionCookie(reply: any): void };

export function authRoutes(app: FastifyInstance, auth: AuthService, cookies: CookieOps, oidc: OidcLogin, loginLimit: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (req: any) => ({ ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id });
  const tags = ['auth'];

  r.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: loginLimit, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Masuk dengan email dan kata sandi', body: ZLoginInput, response: { 200: z.object({ mfaRequired: z.boolean() }) } },
  }, async (req, reply) => {
    const { token, mfaRequired } = await auth.login(req.body, meta(req));
    cookies.setSessionCookie(reply, token);
    return { mfaRequired };
  });

  r.post('/api/auth/totp/verify', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Verifikasi langkah kedua (TOTP atau kode pemulihan)', body: ZTotpInput, response: { 200: ZOk } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!req.sessionId) throw unauthenticated();
    await auth.completeMfa(req.sessionId, actor.tenantId, actor.userId!, req.body.code, meta(req));
    return { ok: true as const };
  });

  r.post('/api/auth/logout', { config: { public: true }, schema: { tags, summary: 'Keluar', response: { 200: ZOk } } }, async (req, reply) => {
    if (req.actor && req.sessionId) await auth.logout(req.actor, req.sessionId);
    cookies.clearSessionCookie(reply);
    return { ok: true as const };
  });

  r.get('/api/auth/me', { schema: { tags, summary: 'Pengguna yang sedang masuk', response: { 200: ZMe } } }, async (req) =>
    auth.me(actorOf(req), req.mfaPending),
  );

  r.get('/api/auth/sso/config', { config: { public: true }, schema: { tags, response: { 200: z.object({ enabled: z.boolean(), label: z.string() }) } } }, async () =>
    oidc.config(),
  );

  r.get('/api/auth/sso/start', { config: { public: true }, schema: { tags, summary: 'Mulai SSO (OIDC, PKCE)' } }, async (req, reply) => {
    const url = await oidc.start(req);
    return reply.redirect(url);
  });

  r.get('/api/auth/sso/callback', { config: { public: true }, schema: { tags, summary: 'Kembali dari SSO' } }, async (req, reply) => {
    const user = await oidc.callback(req);
    const { token } = await auth.startSession(user as any, meta(req), 'auth.sso_login');
    cookies.setSessionCookie(reply, token);
    return reply.redirect('/');
  });

  // Own profile
  r.patch('/api/me/preferences', { schema: { tags, body: z.object({ locale: z.enum(['id', 'en']) }), response: { 200: ZOk } } }, async (req) => {
    await auth.setLocale(actorOf(req), req.body.locale);
    return { ok: true as const };
  });

  r.post('/api/me/password', { schema: { tags, summary: 'Ganti kata sandi', body: ZChangePasswordInput, response: { 200: ZOk } } }, async (req) => {
    await auth.changePassword(actorOf(req), req.body, req.sessionId ?? undefined);
    return { ok: true as const };
  });

  r.post('/api/me/totp/setup', {
    schema: { tags, summary: 'Siapkan TOTP', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }) } },
  }, async (req) => auth.totpSetup(actorOf(req)));

  r.post('/api/me/totp/enable', {
    schema: { tags, body: ZTotpInput, response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) } },
  }, async (req) => auth.totpEnable(actorOf(req), req.body.code));

  r.post('/api/me/totp/disable', { schema: { tags, body: z.object({ password: z.string().min(1).max(256) }), response: { 200: ZOk } } }, async (req) => {
    await auth.totpDisable(actorOf(req), req.body.password);
    return { ok: true as const };
  });

  r.get('/api/me/sessions', { schema: { tags, response: { 200: z.array(ZSession) } } }, async (req) =>
    auth.sessions(actorOf(req), req.sessionId ?? undefined),
  );

  r.delete('/api/me/sessions/:id', { schema: { tags, params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }), response: { 200: ZOk } } }, async (req) => {
    await auth.revokeSession(actorOf(req), req.params.id);
    return { ok: true as const };
  });

  const ZToken = z.object({ id: z.uuid(), name: z.string(), scopes: z.array(z.string()), expiresAt: z.string(), lastUsedAt: z.string().nullable(), createdAt: z.string() });
  r.get('/api/me/tokens', { schema: { tags, response: { 200: z.array(ZToken) } } }, async (req) => auth.listTokens(actorOf(req)));
  r.post('/api/me/tokens', { schema: { tags, body: ZApiTokenInput, response: { 200: z.object({ id: z.uuid(), token: z.string() }) } } }, async (req) =>
    auth.createToken(actorOf(req), req.body),
  );
  r.delete('/api/me/tokens/:id', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: ZOk } } }, async (req) => {
    await auth.revokeToken(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
