import * as client from 'openid-client';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/deps.js';
import { oidcStates, people, users } from '../../db/schema/index.js';
import { AppError } from '../../platform/http/errors.js';

export type OidcLogin = ReturnType<typeof createOidcLogin>;

/**
 * OpenID Connect single sign-on (A5): authorization code flow with PKCE, state and nonce.
 * Users are matched by verified e-mail, or by a `nip` claim (18-digit NIP) against people.
 */
export function createOidcLogin(deps: AppDeps) {
  const { env } = deps;
  const enabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
  let configPromise: Promise<client.Configuration> | null = null;
  const db = () => deps.database.db;

  const getConfig = () => {
    if (!enabled) throw new AppError(404, 'auth.sso_disabled');
    configPromise ??= client
      .discovery(new URL(env.OIDC_ISSUER!), env.OIDC_CLIENT_ID!, env.OIDC_CLIENT_SECRET, undefined, {
        execute: env.OIDC_ISSUER!.startsWith('http://') ? [client.allowInsecureRequests] : [],
      })
      .catch((e) => {
        configPromise = null;
        throw e;
      });
    return configPromise;
  };

  const baseUrl = (req: FastifyRequest) => env.PUBLIC_URL ?? `${req.protocol}://${req.headers.host}`;
  const redirectUri = (req: FastifyRequest) => `${baseUrl(req)}/api/auth/sso/callback`;

  return {
    config: () => ({ enabled, label: env.OIDC_LABEL }),

    async start(req: FastifyRequest): Promise<string> {
      const config = await getConfig();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await db().delete(oidcStates).where(lt(oidcStates.createdAt, new Date(Date.now() - 10 * 60_000)));
      await db().insert(oidcStates).values({ state, codeVerifier, nonce });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(req),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return url.href;
    },

    async callback(req: FastifyRequest) {
      const config = await getConfig();
      const current = new URL(`${baseUrl(req)}${req.url}`);
      const state = current.searchParams.get('state') ?? '';
      const [saved] = await db().delete(oidcStates).where(eq(oidcStates.state, state)).returning();
      if (!saved) throw new AppError(400, 'auth.sso_failed');
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: saved.codeVerifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
        });
        claims = tokens.claims() as Record<string, unknown> | undefined;
        // Conformant providers release scope claims (email, profile) from UserInfo, not in the ID token.
        if (claims && claims.email === undefined && claims.nip === undefined && config.serverMetadata().userinfo_endpoint) {
          claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))) };
        }
      } catch (err) {
        req.log.warn({ err }, 'oidc exchange failed');
        throw new AppError(400, 'auth.sso_failed');
      }
      if (!claims) throw new AppError(400, 'auth.sso_failed');
      const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.toLowerCase() : null;
      const nip = typeof claims.nip === 'string' && /^\d{18}$/.test(claims.nip) ? claims.nip : null;
      let user = email
        ? (await db().select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1))[0]
        : undefined;
      if (!user && nip) {
        const matches = await db()
          .select({ u: users })
          .from(users)
          .innerJoin(people, and(eq(people.id, users.personId), eq(people.tenantId, users.tenantId)))
          .where(and(eq(people.nip, nip), isNull(people.deletedAt)))
          .limit(2);
        // The same NIP in two Pemda is ambiguous: never pick one of them at random.
        if (matches.length === 1) user = matches[0].u;
      }
      if (!user || !user.active) throw new AppError(403, 'auth.sso_no_user');
      return user;
    },
  };
}
