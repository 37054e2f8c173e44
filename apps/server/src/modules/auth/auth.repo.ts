import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  apiTokens,
  passwordHistory,
  recoveryCodes,
  rolePermissions,
  roles,
  sessions,
  tenants,
  userRoles,
  users,
} from '../../db/schema/index.js';

export const findUserByEmail = async (db: DbOrTx, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1))[0];

export const findUser = async (db: DbOrTx, tenantId: string, userId: string) =>
  (await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId))).limit(1))[0];

export const updateUser = (db: DbOrTx, tenantId: string, userId: string, set: Partial<typeof users.$inferInsert>) =>
  db.update(users).set({ ...set, updatedAt: new Date() }).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));

export const findTenant = async (db: DbOrTx, tenantId: string) =>
  (await db.select({ id: tenants.id, name: tenants.name, slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId)))[0];

/** permission → OPD ids ('*' for tenant-wide) for one user. */
export async function loadGrants(db: DbOrTx, tenantId: string, userId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ permission: rolePermissions.permission, opdId: userRoles.opdId })
    .from(userRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  const grants = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = grants.get(r.permission) ?? new Set<string>();
    set.add(r.opdId ?? '*');
    grants.set(r.permission, set);
  }
  return grants;
}

export const userRoleList = (db: DbOrTx, tenantId: string, userId: string) =>
  db
    .select({ code: roles.code, name: roles.name, name_en: roles.nameEn, opdId: userRoles.opdId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));

// sessions
export const insertSession = (db: DbOrTx, row: typeof sessions.$inferInsert) => db.insert(sessions).values(row);

/**
 * The session, its user and the user's grants in one round trip (this runs on every request).
 * Grants come back as [permission, opdId|null] pairs.
 */
export async function findSessionWithUser(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      grants: sql<[string, string | null][]>`coalesce((select json_agg(json_build_array(rp.permission, ur.opd_id))
        from ${userRoles} ur join ${rolePermissions} rp on rp.role_id = ur.role_id
        where ur.user_id = "users"."id" and ur.tenant_id = "users"."tenant_id"), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .limit(1);
  return row;
}

export function grantsFromPairs(pairs: [string, string | null][]): Map<string, Set<string>> {
  const grants = new Map<string, Set<string>>();
  for (const [permission, opdId] of pairs) {
    const set = grants.get(permission) ?? new Set<string>();
    set.add(opdId ?? '*');
    grants.set(permission, set);
  }
  return grants;
}

export const findSession = async (db: DbOrTx, id: string) =>
  (await db.select().from(sessions).where(and(eq(sessions.id, id), isNull(sessions.revokedAt))).limit(1))[0];

export const touchSession = (db: DbOrTx, id: string, set: Partial<typeof sessions.$inferInsert>) =>
  db.update(sessions).set(set).where(eq(sessions.id, id));

/** Records activity at most once a minute, however many requests of the session run at once. */
export const markSessionSeen = (db: DbOrTx, id: string, now: Date) =>
  db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, id), sql`${sessions.lastSeenAt} < ${new Date(now.getTime() - 60_000)}`));

export const listSessions = (db: DbOrTx, tenantId: string, userId: string) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));

export const revokeSessions = (db: DbOrTx, tenantId: string, userId: string, sessionId?: string) =>
  db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        sessionId ? eq(sessions.id, sessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });

// passwords
export const recentPasswordHashes = async (db: DbOrTx, tenantId: string, userId: string, n: number) =>
  (
    await db
      .select({ hash: passwordHistory.hash })
      .from(passwordHistory)
      .where(and(eq(passwordHistory.tenantId, tenantId), eq(passwordHistory.userId, userId)))
      .orderBy(desc(passwordHistory.createdAt))
      .limit(n)
  ).map((r) => r.hash);

export const addPasswordHistory = (db: DbOrTx, tenantId: string, userId: string, hash: string) =>
  db.insert(passwordHistory).values({ tenantId, userId, hash });

// recovery codes
export const replaceRecoveryCodes = async (db: DbOrTx, tenantId: string, userId: string, hashes: string[]) => {
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.tenantId, tenantId), eq(recoveryCodes.userId, userId)));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ tenantId, userId, codeHash })));
};

export const useRecoveryCode = async (db: DbOrTx, tenantId: string, userId: string, codeHash: string) =>
  (
    await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.tenantId, tenantId),
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id })
  ).length > 0;

// API tokens
export const insertApiToken = (db: DbOrTx, row: typeof apiTokens.$inferInsert) =>
  db.insert(apiTokens).values(row).returning({ id: apiTokens.id });

export const findApiToken = async (db: DbOrTx, tokenHash: string) =>
  (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date())))
      .limit(1)
  )[0];

export const listApiTokens = (db: DbOrTx, tenantId: string, userId: string) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));

export const revokeApiToken = (db: DbOrTx, tenantId: string, userId: string, id: string) =>
  db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });

export const markApiTokenUsed = (db: DbOrTx, id: string) =>
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
