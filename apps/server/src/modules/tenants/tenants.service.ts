import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { defaultRoles, permissionCatalog, type ZTenantProfileInput } from '@persada/shared';
import type { Db, DbOrTx } from '../../db/client.js';
import { permissions, rolePermissions, roles, tenants, userRoles, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/context/actor.js';
import { hashPassword } from '../auth/auth.service.js';

/**
 * Keeps the global permission catalog in step with the code (permissions are data). A permission
 * that is new to this database is granted to every tenant's built-in roles that hold it by
 * default, so existing Pemda get new modules' rights; each grant is audited in that tenant.
 */
export async function syncPermissions(db: Db) {
  const known = new Set((await db.select({ code: permissions.code }).from(permissions)).map((r) => r.code));
  for (const p of permissionCatalog) {
    await db
      .insert(permissions)
      .values({ code: p.code, module: p.module, name: p.id, nameEn: p.en })
      .onConflictDoUpdate({ target: permissions.code, set: { module: p.module, name: p.id, nameEn: p.en } });
  }
  const added = permissionCatalog.map((p) => p.code).filter((c) => !known.has(c));
  if (known.size === 0 || added.length === 0) return;
  const systemRoles = await db.select({ id: roles.id, tenantId: roles.tenantId, code: roles.code }).from(roles).where(sql`${roles.system}`);
  const byTenant = new Map<string, typeof systemRoles>();
  for (const r of systemRoles) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
  for (const [tenantId, list] of byTenant) {
    await db.transaction(async (tx) => {
      const actor = systemActor(tenantId, 'sistem (hak akses modul baru)');
      for (const role of list) {
        const defaults = defaultRoles.find((d) => d.code === role.code)?.permissions ?? [];
        const grant = added.filter((c) => (defaults as string[]).includes(c));
        if (!grant.length) continue;
        await tx.insert(rolePermissions).values(grant.map((permission) => ({ tenantId, roleId: role.id, permission }))).onConflictDoNothing();
        await recordAudit(tx, actor, { action: 'update', entity: 'role', entityId: role.id, after: { code: role.code, granted: grant } });
      }
    });
  }
}

export type NewTenant = z.input<typeof ZTenantProfileInput> & { slug: string };

/**
 * Creates a Pemda with the national default roles (A4) and their permissions.
 * Used by the CLI and the demo seed; a Pemda then edits its roles in the app.
 */
export async function createTenant(db: Db, input: NewTenant) {
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ ...input, parentTenantId: input.parentTenantId ?? null, email: input.email ?? null } as typeof tenants.$inferInsert)
      .returning();
    const actor = systemActor(tenant.id, 'sistem (pembuatan Pemda)');
    await recordAudit(tx, actor, { action: 'create', entity: 'tenant', entityId: tenant.id, after: tenant });
    for (const r of defaultRoles) {
      const [role] = await tx
        .insert(roles)
        .values({ tenantId: tenant.id, code: r.code, name: r.id, nameEn: r.en, system: true, description: r.scope === 'opd' ? 'Lingkup per OPD' : null })
        .returning();
      await tx.insert(rolePermissions).values(r.permissions.map((permission) => ({ tenantId: tenant.id, roleId: role.id, permission })));
      await recordAudit(tx, actor, { action: 'create', entity: 'role', entityId: role.id, after: { ...role, permissions: r.permissions } });
    }
    return tenant;
  });
}

/** Creates a user with the given role codes (tenant-wide, or scoped to an OPD). */
export async function createUserWithRoles(
  db: Db,
  tenantId: string,
  u: { email: string; displayName: string; password: string; personId?: string | null; roles: { code: string; opdId?: string | null }[] },
) {
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ tenantId, email: u.email.toLowerCase(), displayName: u.displayName, passwordHash, passwordChangedAt: new Date(), personId: u.personId ?? null })
      .returning();
    for (const r of u.roles) {
      const [role] = await tx.select().from(roles).where(sql`${roles.tenantId} = ${tenantId} and ${roles.code} = ${r.code}`);
      if (!role) throw new Error(`unknown role ${r.code}`);
      await tx.insert(userRoles).values({ tenantId, userId: user.id, roleId: role.id, opdId: r.opdId ?? null });
    }
    await recordAudit(tx, systemActor(tenantId), { action: 'create', entity: 'user', entityId: user.id, after: { ...user, roles: u.roles } });
    return user;
  });
}
