import { and, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { opds, permissions, rolePermissions, roles, userRoles, users } from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import type { TListQuery } from '@persada/shared';

export const listPermissions = (db: DbOrTx) => db.select().from(permissions).orderBy(permissions.module, permissions.code);

export async function listRoles(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select({
      role: roles,
      perms: sql<string[]>`coalesce((select array_agg(rp.permission order by rp.permission) from ${rolePermissions} rp where rp.role_id = "roles"."id"), '{}')`,
      userCount: sql<number>`(select count(distinct ur.user_id)::int from ${userRoles} ur where ur.role_id = "roles"."id")`,
    })
    .from(roles)
    .where(eq(roles.tenantId, tenantId))
    .orderBy(roles.system, roles.name);
  return rows;
}
export const getRole = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id))))[0];
export const roleByCode = async (db: DbOrTx, tenantId: string, code: string) =>
  (await db.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.code, code))))[0];
export const insertRole = async (db: DbOrTx, row: typeof roles.$inferInsert) => (await db.insert(roles).values(row).returning())[0];
export const updateRole = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof roles.$inferInsert>) =>
  (await db.update(roles).set({ ...set, updatedAt: new Date() }).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id))).returning())[0];
export const deleteRole = (db: DbOrTx, tenantId: string, id: string) => db.delete(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
export const rolePermissionCodes = async (db: DbOrTx, tenantId: string, roleId: string) =>
  (await db.select({ p: rolePermissions.permission }).from(rolePermissions).where(and(eq(rolePermissions.tenantId, tenantId), eq(rolePermissions.roleId, roleId)))).map((r) => r.p);
export async function setRolePermissions(db: DbOrTx, tenantId: string, roleId: string, perms: string[]) {
  await db.delete(rolePermissions).where(and(eq(rolePermissions.tenantId, tenantId), eq(rolePermissions.roleId, roleId)));
  if (perms.length) await db.insert(rolePermissions).values(perms.map((permission) => ({ tenantId, roleId, permission })));
}

export async function listUsers(db: DbOrTx, tenantId: string, q: TListQuery) {
  const where = and(eq(users.tenantId, tenantId), q.q ? or(ilike(users.displayName, likeText(q.q)), ilike(users.email, likeText(q.q))) : undefined);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(...orderBy(q, { displayName: users.displayName, email: users.email, lastLoginAt: users.lastLoginAt }, 'displayName'))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total };
}
export const getUser = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id))))[0];
export const userByPerson = async (db: DbOrTx, tenantId: string, personId: string) =>
  (await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.personId, personId))))[0];
export const emailTaken = async (db: DbOrTx, email: string) =>
  (await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`)).length > 0;
export const insertUser = async (db: DbOrTx, row: typeof users.$inferInsert) => (await db.insert(users).values(row).returning())[0];
export const updateUser = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof users.$inferInsert>) =>
  (await db.update(users).set({ ...set, updatedAt: new Date() }).where(and(eq(users.tenantId, tenantId), eq(users.id, id))).returning())[0];

export const rolesOfUsers = (db: DbOrTx, tenantId: string, userIds: string[]) =>
  userIds.length
    ? db
        .select({ userId: userRoles.userId, roleId: roles.id, code: roles.code, name: roles.name, opdId: userRoles.opdId, opdName: opds.name })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .leftJoin(opds, eq(opds.id, userRoles.opdId))
        .where(and(eq(userRoles.tenantId, tenantId), inArray(userRoles.userId, userIds)))
    : Promise.resolve([]);
export async function setUserRoles(db: DbOrTx, tenantId: string, userId: string, list: { roleId: string; opdId: string | null }[]) {
  await db.delete(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  if (list.length) await db.insert(userRoles).values(list.map((r) => ({ tenantId, userId, ...r })));
}
/** Active users holding the full access.manage permission tenant-wide (to keep at least one). */
export const countAdmins = async (db: DbOrTx, tenantId: string) =>
  Number(
    rowsOf<{ n: number }>(
      await db.execute(sql`select count(distinct u.id)::int as n from ${users} u
        join ${userRoles} ur on ur.user_id = u.id and ur.opd_id is null
        join ${rolePermissions} rp on rp.role_id = ur.role_id and rp.permission = 'access.manage'
        where u.tenant_id = ${tenantId} and u.active`),
    )[0].n,
  );
