import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as totpVerify } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ZApiTokenInput, ZChangePasswordInput, ZLoginInput, type TMe } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import { permissionList } from '../../platform/context/actor.js';
import { auditGeneration, recordAudit } from '../../platform/audit/audit.js';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/http/errors.js';
import { randomToken, sha256hex } from '../../platform/crypto/tokens.js';
import * as repo from './auth.repo.js';

export type RequestMeta = { ip?: string; userAgent?: string; requestId?: string };
type User = NonNullable<Awaited<ReturnType<typeof repo.findUserByEmail>>>;
type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>;

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (p: string) => argonHash(p, ARGON);
export const checkPassword = async (hash: string | null, p: string) => {
  if (!hash) return false;
  try {
    return await argonVerify(hash, p);
  } catch {
    return false;
  }
};
// Spent on unknown e-mails so timing does not reveal which accounts exist.
const DUMMY_HASH = hashPassword('persada-dummy-password-for-timing!A1');

/** Sessions, passwords, second factor and API tokens (A4–A5). */
export class AuthService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  actorFor(user: User, grants: Map<string, Set<string>>, meta: RequestMeta): Actor {
    return {
      tenantId: user.tenantId,
      userId: user.id,
      label: user.displayName,
      grants,
      ip: meta.ip,
      requestId: meta.requestId,
      locale: user.locale === 'en' ? 'en' : 'id',
    };
  }

  async login(input: z.infer<typeof ZLoginInput>, meta: RequestMeta) {
    const { env } = this.deps;
    const user = await repo.findUserByEmail(this.db, input.email);
    if (!user) {
      await checkPassword(await DUMMY_HASH, input.password);
      throw new AppError(401, 'auth.invalid_credentials');
    }
    const actor = this.actorFor(user, new Map(), meta);
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError(423, 'auth.locked');
    const ok = await checkPassword(user.passwordHash, input.password);
    if (!ok) {
      const failures = user.failedLogins + 1;
      const lock = failures >= env.LOGIN_MAX_FAILURES;
      await this.db.transaction(async (tx) => {
        await repo.updateUser(tx, user.tenantId, user.id, {
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(Date.now() + env.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
        });
        await recordAudit(tx, actor, {
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entity: 'user',
          entityId: user.id,
          after: { failedLogins: failures },
        });
      });
      throw new AppError(lock ? 423 : 401, lock ? 'auth.locked' : 'auth.invalid_credentials');
    }
    if (!user.active) throw new AppError(403, 'auth.inactive');
    return this.startSession(user, meta, 'auth.login');
  }

  /** Opens a session (used by password login and SSO). */
  async startSession(user: User, meta: RequestMeta, action: string) {
    const token = randomToken(32);
    const now = new Date();
    // The second factor is asked after SSO too: the Pemda's IdP may not enforce one.
    const mfaRequired = user.totpEnabled;
    await this.db.transaction(async (tx) => {
      await repo.insertSession(tx, {
        id: sha256hex(token),
        tenantId: user.tenantId,
        userId: user.id,
        expiresAt: new Date(now.getTime() + this.deps.env.SESSION_ABSOLUTE_HOURS * 3_600_000),
        mfaPending: mfaRequired,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300),
      });
      await repo.updateUser(tx, user.tenantId, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      await recordAudit(tx, this.actorFor(user, new Map(), meta), {
        action,
        entity: 'user',
        entityId: user.id,
        after: { mfaPending: mfaRequired, userAgent: meta.userAgent?.slice(0, 120) ?? null },
      });
    });
    return { token, mfaRequired };
  }

  /** Resolves a session cookie token; enforces idle and absolute timeouts. */
  private readonly sessionCache = new Map<string, { row: SessionRow; at: number; gen: number }>();

  /**
   * Session, user and grants for a request. A row read less than SESSION_CACHE_MS ago is reused
   * unless any audited write happened in this process since (logout, revocation, role or
   * password changes all are audited writes); other processes see changes within that time.
   */
  private async sessionRow(id: string): Promise<SessionRow | undefined> {
    const ttl = this.deps.env.SESSION_CACHE_MS;
    const hit = this.sessionCache.get(id);
    const now = Date.now();
    if (hit && now - hit.at < ttl && hit.gen === auditGeneration()) return hit.row;
    const gen = auditGeneration();
    const row = await repo.findSessionWithUser(this.db, id);
    this.sessionCache.delete(id);
    if (row && ttl > 0) {
      if (this.sessionCache.size >= 10_000) this.sessionCache.delete(this.sessionCache.keys().next().value!);
      this.sessionCache.set(id, { row, at: now, gen });
    }
    return row;
  }

  async resolveSession(token: string, meta: RequestMeta) {
    const id = sha256hex(token);
    const row = await this.sessionRow(id);
    if (!row) return null;
    const { session, user } = row;
    const now = Date.now();
    const idleMs = this.deps.env.SESSION_IDLE_MINUTES * 60_000;
    if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleMs) return null;
    if (!user.active) return null;
    if (now - session.lastSeenAt.getTime() > 60_000) {
      session.lastSeenAt = new Date(now);
      await repo.markSessionSeen(this.db, id, session.lastSeenAt);
    }
    const grants = session.mfaPending ? new Map() : repo.grantsFromPairs(row.grants);
    return { session, user, actor: this.actorFor(user, grants, meta) };
  }

  /** Resolves `Authorization: Bearer psd_…`; the actor is limited to the token's scopes. */
  async resolveApiToken(token: string, meta: RequestMeta) {
    const row = await repo.findApiToken(this.db, sha256hex(token));
    if (!row) return null;
    const user = await repo.findUser(this.db, row.tenantId, row.userId);
    if (!user || !user.active) return null;
    await repo.markApiTokenUsed(this.db, row.id);
    const grants = await repo.loadGrants(this.db, user.tenantId, user.id);
    return { user, actor: { ...this.actorFor(user, grants, meta), tokenScopes: row.scopes } };
  }

  async completeMfa(sessionId: string, userTenant: string, userId: string, code: string, meta: RequestMeta) {
    const user = await repo.findUser(this.db, userTenant, userId);
    if (!user) throw unauthenticated();
    const ok = await this.checkSecondFactor(user, code);
    const actor = this.actorFor(user, new Map(), meta);
    await this.db.transaction(async (tx) => {
      if (ok) await repo.touchSession(tx, sessionId, { mfaPending: false });
      await recordAudit(tx, actor, { action: ok ? 'auth.mfa_ok' : 'auth.mfa_failed', entity: 'user', entityId: user.id });
    });
    if (!ok) throw new AppError(401, 'auth.totp_invalid');
  }

  private async checkSecondFactor(user: User, code: string): Promise<boolean> {
    const clean = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(clean) && user.totpSecret) {
      const secret = this.deps.secretBox.open(user.totpSecret);
      const r = await totpVerify({ secret, token: clean, epochTolerance: 30 });
      return r.valid;
    }
    return repo.useRecoveryCode(this.db, user.tenantId, user.id, sha256hex(clean.toLowerCase()));
  }

  async logout(actor: Actor, sessionId: string) {
    await this.db.transaction(async (tx) => {
      await repo.revokeSessions(tx, actor.tenantId, actor.userId!, sessionId);
      await recordAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
    });
    this.sessionCache.clear();
  }

  async me(actor: Actor, mfaPending: boolean): Promise<TMe> {
    const user = await repo.findUser(this.db, actor.tenantId, actor.userId!);
    const tenant = await repo.findTenant(this.db, actor.tenantId);
    if (!user || !tenant) throw unauthenticated();
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      tenant,
      personId: user.personId,
      roles: mfaPending ? [] : await repo.userRoleList(this.db, actor.tenantId, user.id),
      permissions: permissionList(actor),
      totpEnabled: user.totpEnabled,
      mfaPending,
      mustChangePassword: user.mustChangePassword,
      locale: user.locale === 'en' ? 'en' : 'id',
    };
  }

  async setLocale(actor: Actor, locale: 'id' | 'en') {
    await repo.updateUser(this.db, actor.tenantId, actor.userId!, { locale });
  }

  async changePassword(actor: Actor, input: z.infer<typeof ZChangePasswordInput>, keepSessionId?: string) {
    const user = await repo.findUser(this.db, actor.tenantId, actor.userId!);
    if (!user) throw notFound();
    if (!(await checkPassword(user.passwordHash, input.currentPassword))) throw invalid('auth.password_wrong', 'currentPassword');
    await this.setPassword(actor, user.id, input.newPassword, 'auth.password_changed');
    // Other sessions end when the password changes.
    const others = await repo.listSessions(this.db, actor.tenantId, user.id);
    for (const s of others) if (s.id !== keepSessionId) await repo.revokeSessions(this.db, actor.tenantId, user.id, s.id);
    this.sessionCache.clear();
  }

  /** Sets a password, refusing any of the last five (Peraturan BSSN 4/2021). */
  async setPassword(actor: Actor, userId: string, password: string, action: string, mustChange = false) {
    const user = await repo.findUser(this.db, actor.tenantId, userId);
    if (!user) throw notFound();
    const previous = [user.passwordHash, ...(await repo.recentPasswordHashes(this.db, actor.tenantId, userId, 4))];
    for (const h of previous) if (await checkPassword(h, password)) throw invalid('auth.password_reused', 'newPassword');
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      if (user.passwordHash) await repo.addPasswordHistory(tx, actor.tenantId, userId, user.passwordHash);
      await repo.updateUser(tx, actor.tenantId, userId, {
        passwordHash: hash,
        passwordChangedAt: new Date(),
        mustChangePassword: mustChange,
        failedLogins: 0,
        lockedUntil: null,
      });
      await recordAudit(tx, actor, { action, entity: 'user', entityId: userId, after: { mustChangePassword: mustChange } });
    });
  }

  async totpSetup(actor: Actor) {
    const user = await repo.findUser(this.db, actor.tenantId, actor.userId!);
    if (!user) throw notFound();
    if (user.totpEnabled) throw invalid('auth.totp_already');
    const secret = generateSecret();
    await repo.updateUser(this.db, actor.tenantId, user.id, { totpSecret: this.deps.secretBox.seal(secret) });
    const tenant = await repo.findTenant(this.db, actor.tenantId);
    const otpauthUrl = generateURI({ issuer: `Persada ${tenant?.name ?? ''}`.trim(), label: user.email, secret });
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
    return { secret, otpauthUrl, qrSvg };
  }

  async totpEnable(actor: Actor, code: string) {
    const user = await repo.findUser(this.db, actor.tenantId, actor.userId!);
    if (!user?.totpSecret) throw invalid('auth.totp_invalid', 'code');
    const r = await totpVerify({ secret: this.deps.secretBox.open(user.totpSecret), token: code.trim(), epochTolerance: 30 });
    if (!r.valid) throw invalid('auth.totp_invalid', 'code');
    const codes = Array.from({ length: 10 }, () => {
      const s = randomBytes(5).toString('hex');
      return `${s.slice(0, 5)}-${s.slice(5)}`;
    });
    await this.db.transaction(async (tx) => {
      await repo.updateUser(tx, actor.tenantId, user.id, { totpEnabled: true });
      await repo.replaceRecoveryCodes(tx, actor.tenantId, user.id, codes.map((c) => sha256hex(c.replace(/\s/g, ''))));
      await recordAudit(tx, actor, { action: 'auth.totp_enabled', entity: 'user', entityId: user.id });
    });
    return { recoveryCodes: codes };
  }

  async totpDisable(actor: Actor, password: string) {
    const user = await repo.findUser(this.db, actor.tenantId, actor.userId!);
    if (!user) throw notFound();
    if (!(await checkPassword(user.passwordHash, password))) throw invalid('auth.password_wrong', 'password');
    await this.db.transaction(async (tx) => {
      await repo.updateUser(tx, actor.tenantId, user.id, { totpEnabled: false, totpSecret: null });
      await repo.replaceRecoveryCodes(tx, actor.tenantId, user.id, []);
      await recordAudit(tx, actor, { action: 'auth.totp_disabled', entity: 'user', entityId: user.id });
    });
  }

  async sessions(actor: Actor, currentId?: string) {
    const rows = await repo.listSessions(this.db, actor.tenantId, actor.userId!);
    return rows.map((s) => ({
      id: s.id.slice(0, 16),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === currentId,
    }));
  }

  /** Sessions are addressed by the first 16 hex chars of their id (the id is a token hash). */
  async revokeSession(actor: Actor, shortId: string) {
    const rows = await repo.listSessions(this.db, actor.tenantId, actor.userId!);
    const target = rows.find((s) => s.id.startsWith(shortId) && shortId.length === 16);
    if (!target) throw notFound();
    await this.db.transaction(async (tx) => {
      await repo.revokeSessions(tx, actor.tenantId, actor.userId!, target.id);
      await recordAudit(tx, actor, { action: 'auth.session_revoked', entity: 'session', entityId: shortId });
    });
    this.sessionCache.clear();
  }

  async createToken(actor: Actor, input: z.infer<typeof ZApiTokenInput>) {
    if (actor.tokenScopes) throw forbidden();
    const mine = new Set(permissionList(actor));
    const bad = input.scopes.filter((s) => !mine.has(s) && !mine.has('*'));
    if (bad.length) throw new AppError(400, 'error.validation', [{ field: 'scopes', key: 'auth.token_scope' }]);
    const token = randomToken(32, 'psd_');
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    const id = await this.db.transaction(async (tx) => {
      const [row] = await repo.insertApiToken(tx, {
        tenantId: actor.tenantId,
        userId: actor.userId!,
        name: input.name,
        tokenHash: sha256hex(token),
        scopes: input.scopes,
        expiresAt,
      });
      await recordAudit(tx, actor, {
        action: 'auth.token_created',
        entity: 'api_token',
        entityId: row.id,
        after: { name: input.name, scopes: input.scopes, expiresAt },
      });
      return row.id;
    });
    return { id, token };
  }

  async listTokens(actor: Actor) {
    const rows = await repo.listApiTokens(this.db, actor.tenantId, actor.userId!);
    return rows.map((r) => ({
      ...r,
      expiresAt: r.expiresAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async revokeToken(actor: Actor, id: string) {
    await this.db.transaction(async (tx) => {
      const rows = await repo.revokeApiToken(tx, actor.tenantId, actor.userId!, id);
      if (!rows.length) throw notFound();
      await recordAudit(tx, actor, { action: 'auth.token_revoked', entity: 'api_token', entityId: id, before: rows[0] });
    });
  }
}
