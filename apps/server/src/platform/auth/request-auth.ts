import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../context/actor.js';
import { AppError, unauthenticated } from '../http/errors.js';
import type { AuthService } from '../../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'persada_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, SSO). */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    mfaPending: boolean;
  }
}

const MFA_ALLOWED = new Set(['/api/auth/totp/verify', '/api/auth/me', '/api/auth/logout', '/api/me/preferences']);
const TEMP_PASSWORD_ALLOWED = new Set(['/api/auth/me', '/api/auth/logout', '/api/me/preferences', '/api/me/password']);

/**
 * Resolves the caller from the session cookie or a Bearer API token on every /api request.
 * Routes then ask for `actorOf(req)`; a session still waiting for its second factor can
 * reach only the second-factor endpoints.
 */
export function registerRequestAuth(app: FastifyInstance, auth: AuthService, secureCookies: boolean) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('mfaPending', false);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id };
    const bearer = req.headers.authorization?.match(/^Bearer\s+(psd_[A-Za-z0-9_-]+)$/)?.[1];
    if (bearer) {
      const r = await auth.resolveApiToken(bearer, meta);
      if (!r) throw unauthenticated('auth.session_expired');
      req.actor = r.actor;
      return;
    }
    // Unknown paths fall through to the 404 handler; everything else needs a caller
    // before its input is even validated (so schemas are not probed anonymously).
    const isPublic = req.routeOptions.config?.public === true || !req.routeOptions.url || req.url.startsWith('/api/docs');
    const token = req.cookies[SESSION_COOKIE];
    const r = token ? await auth.resolveSession(token, meta) : null;
    if (!r) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (!isPublic) throw unauthenticated(token ? 'auth.session_expired' : 'error.unauthenticated');
      return;
    }
    // Cookie-authenticated writes must come from our own origin (CSRF defence with SameSite).
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.headers.origin;
      if (origin && new URL(origin).host !== req.headers.host) throw new AppError(403, 'error.origin');
    }
    req.actor = r.actor;
    req.sessionId = r.session.id;
    req.mfaPending = r.session.mfaPending;
    const path = req.url.split('?')[0];
    if (r.session.mfaPending && !MFA_ALLOWED.has(path)) throw new AppError(401, 'auth.totp_required');
    if (!r.session.mfaPending && r.user.mustChangePassword && !TEMP_PASSWORD_ALLOWED.has(path)) {
      throw new AppError(403, 'auth.must_change_password');
    }
  });

  return {
    setSessionCookie(reply: FastifyReply, token: string) {
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies });
    },
    clearSessionCookie(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}

/** The authenticated actor, or 401. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
