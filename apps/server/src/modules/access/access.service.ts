import type { z } from 'zod';
import { allPermissions, type TListQuery, ZRoleInput, ZUserInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import { requireAny, requirePermission } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { temporaryPassword } from '../../platform/crypto/tokens.js';
import { iso } from '../../platform/http/paging.js';
import { hashPassword } from '../auth/auth.service.js';
import * as orgRepo from '../org/org.repo.js';
import * as repo from './access.repo.js';

type RoleGrant = { roleId: string; opdId?: string | null };
const known = new Set<string>(allPermissions);

/** Roles, their permissions (data, editable per tenant) and user accounts (A4). */
export class AccessService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async permissions(actor: Actor) {
    requireAny(actor, 'access.read');
    return (await repo.listPermissions(this.db)).map((p) => ({ code: p.code, module: p.module, name: p.name, nameEn: p.nameEn }));
  }

  async roles(actor: Actor) {
    requireAny(actor, 'access.read');
    const rows = await repo.listRoles(this.db, actor.tenantId);
    return rows.map((r) => ({
      id: r.role.id,
      code: r.role.code,
      name: r.role.name,
      nameEn: r.role.nameEn,
      description: r.role.description,
      system: r.role.system,
      permissions: r.perms ?? [],
      userCount: Number(r.userCount),
    }));
  }

  private checkPerms(perms: string[]) {
    const bad = perms.filter((p) => !known.has(p));
    if (bad.length) throw new AppError(400, 'error.validation', [{ field: 'permissions', message: `Hak akses tidak dikenal: ${bad.join(', ')}`, message_en: `Unknown permissions: ${bad.join(', ')}` }]);
  }

  async createRole(actor: Actor, input: z.infer<typeof ZRoleInput>) {
    requirePermission(actor, 'access.manage');
    this.checkPerms(input.permissions);
    return this.db.transaction(async (tx) => {
      if (await repo.roleByCode(tx, actor.tenantId, input.code)) throw conflict('role.code_taken', 'code');
      const row = await repo.insertRole(tx, {
        tenantId: actor.tenantId,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn,
        description: input.description ?? null,
      });
      await repo.setRolePermissions(tx, actor.tenantId, row.id, input.permissions);
      await recordAudit(tx, actor, { action: 'create', entity: 'role', entityId: row.id, after: { ...row, permissions: input.permissions } });
      return { ...row, permissions: input.permissions, userCount: 0 };
    });
  }

  async updateRole(actor: Actor, id: string, input: Omit<z.infer<typeof ZRoleInput>, 'code'>) {
    requirePermission(actor, 'access.manage');
    this.checkPerms(input.permissions);
    return this.db.transaction(async (tx) => {
      const before = await repo.getRole(tx, actor.tenantId, id);
      if (!before) throw notFound();
      const beforePerms = await repo.rolePermissionCodes(tx, actor.tenantId, id);
      const row = await repo.updateRole(tx, actor.tenantId, id, { name: input.name, nameEn: input.nameEn, description: input.description ?? null });
      await repo.setRolePermissions(tx, actor.tenantId, id, input.permissions);
      if ((await repo.countAdmins(tx, actor.tenantId)) === 0) throw new AppError(409, 'role.last_admin');
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'role',
        entityId: id,
        before: { ...before, permissions: beforePerms },
        after: { ...row, permissions: input.permissions },
      });
      return { ...row, permissions: input.permissions, userCount: 0 };
    });
  }

  async deleteRole(actor: Actor, id: string) {
    requirePermission(actor, 'access.manage');
    await this.db.transaction(async (tx) => {
      const before = await repo.getRole(tx, actor.tenantId, id);
      if (!before) throw notFound();
      if (before.system) throw new AppError(409, 'role.system');
      await repo.deleteRole(tx, actor.tenantId, id);
      if ((await repo.countAdmins(tx, actor.tenantId)) === 0) throw new AppError(409, 'role.last_admin');
      await recordAudit(tx, actor, { action: 'delete', entity: 'role', entityId: id, before });
    });
  }

  async users(actor: Actor, q: TListQuery) {
    requireAny(actor, 'access.read');
    const { items, total } = await repo.listUsers(this.db, actor.tenantId, q);
    const roleRows = await repo.rolesOfUsers(this.db, actor.tenantId, items.map((u) => u.id));
    return {
      items: items.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        personId: u.personId,
        active: u.active,
        totpEnabled: u.totpEnabled,
        lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? iso(u.lockedUntil) : null,
        lastLoginAt: iso(u.lastLoginAt),
        roles: roleRows.filter((r) => r.userId === u.id).map(({ userId: _u, ...r }) => r),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async checkGrants(actor: Actor, grants: RoleGrant[]) {
    for (const g of grants) {
      if (!(await repo.getRole(this.db, actor.tenantId, g.roleId))) throw new AppError(400, 'error.validation', [{ field: 'roles', key: 'error.not_found' }]);
      if (g.opdId && !(await orgRepo.getOpd(this.db, actor.tenantId, g.opdId))) throw new AppError(400, 'error.validation', [{ field: 'roles', key: 'error.not_found' }]);
    }
    return grants.map((g) => ({ roleId: g.roleId, opdId: g.opdId ?? null }));
  }

  /** Creates a login for a person; the one-time password must be changed at first login. */
  async createUser(actor: Actor, input: z.infer<typeof ZUserInput>) {
    requirePermission(actor, 'access.manage');
    const person = await orgRepo.getPerson(this.db, actor.tenantId, input.personId);
    if (!person || person.person.deletedAt) throw new AppError(400, 'error.validation', [{ field: 'personId', key: 'error.not_found' }]);
    if (await repo.userByPerson(this.db, actor.tenantId, input.personId)) throw conflict('person.email_taken', 'personId');
    if (await repo.emailTaken(this.db, input.email)) throw conflict('person.email_taken', 'email');
    const grants = await this.checkGrants(actor, input.roles);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const p = person.person;
    const displayName = [p.frontTitle, p.fullName].filter(Boolean).join(' ') + (p.backTitle ? `, ${p.backTitle}` : '');
    const id = await this.db.transaction(async (tx) => {
      const row = await repo.insertUser(tx, {
        tenantId: actor.tenantId,
        personId: p.id,
        email: input.email,
        displayName,
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: true,
      });
      await repo.setUserRoles(tx, actor.tenantId, row.id, grants);
      await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after: { ...row, roles: grants } });
      return row.id;
    });
    return { id, temporaryPassword: password };
  }

  async setRoles(actor: Actor, userId: string, list: RoleGrant[]) {
    requirePermission(actor, 'access.manage');
    const grants = await this.checkGrants(actor, list);
    await this.db.transaction(async (tx) => {
      const user = await repo.getUser(tx, actor.tenantId, userId);
      if (!user) throw notFound();
      const before = await repo.rolesOfUsers(tx, actor.tenantId, [userId]);
      await repo.setUserRoles(tx, actor.tenantId, userId, grants);
      if ((await repo.countAdmins(tx, actor.tenantId)) === 0) throw new AppError(409, 'role.last_admin');
      await recordAudit(tx, actor, {
        action: 'set_roles',
        entity: 'user',
        entityId: userId,
        before: before.map((r) => ({ roleId: r.roleId, opdId: r.opdId })),
        after: grants,
      });
    });
  }

  async setActive(actor: Actor, userId: string, active: boolean) {
    requirePermission(actor, 'access.manage');
    await this.db.transaction(async (tx) => {
      const before = await repo.getUser(tx, actor.tenantId, userId);
      if (!before) throw notFound();
      const after = await repo.updateUser(tx, actor.tenantId, userId, { active });
      if ((await repo.countAdmins(tx, actor.tenantId)) === 0) throw new AppError(409, 'role.last_admin');
      await recordAudit(tx, actor, { action: active ? 'activate' : 'deactivate', entity: 'user', entityId: userId, before, after });
    });
  }

  async unlock(actor: Actor, userId: string) {
    requirePermission(actor, 'access.manage');
    await this.db.transaction(async (tx) => {
      const before = await repo.getUser(tx, actor.tenantId, userId);
      if (!before) throw notFound();
      const after = await repo.updateUser(tx, actor.tenantId, userId, { lockedUntil: null, failedLogins: 0 });
      await recordAudit(tx, actor, { action: 'unlock', entity: 'user', entityId: userId, before, after });
    });
  }

  async resetPassword(actor: Actor, userId: string) {
    requirePermission(actor, 'access.manage');
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const before = await repo.getUser(tx, actor.tenantId, userId);
      if (!before) throw notFound();
      await repo.updateUser(tx, actor.tenantId, userId, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: new Date() });
      await recordAudit(tx, actor, { action: 'reset_password', entity: 'user', entityId: userId, after: { mustChangePassword: true } });
    });
    return { temporaryPassword: password };
  }
}
