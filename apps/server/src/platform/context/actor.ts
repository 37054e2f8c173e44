import type { Permission } from '@persada/shared';
import { forbidden } from '../http/errors.js';

/**
 * Who is acting, for which tenant, with which rights. Built per request by the auth plugin
 * (or by the CLI / jobs as a system actor) and passed to every service call.
 */
export type Actor = {
  tenantId: string;
  userId: string | null;
  label: string;
  /** permission → OPD ids it applies to; '*' = the whole tenant. */
  grants: Map<string, Set<string>>;
  requestId?: string;
  ip?: string;
  locale?: 'id' | 'en';
  /** For API tokens: the scopes the token carries (a subset of the user's permissions). */
  tokenScopes?: string[];
};

export function systemActor(tenantId: string, label = 'sistem'): Actor {
  return { tenantId, userId: null, label, grants: new Map([['*', new Set(['*'])]]) };
}

function holds(actor: Actor, perm: string): Set<string> | undefined {
  if (actor.grants.get('*')?.has('*')) return new Set(['*']);
  if (actor.tokenScopes && !actor.tokenScopes.includes(perm)) return undefined;
  return actor.grants.get(perm);
}

/** True when the actor holds `perm` for the whole tenant, or for `opdId` when given. */
export function can(actor: Actor, perm: Permission, opdId?: string | null): boolean {
  const scope = holds(actor, perm);
  if (!scope) return false;
  if (scope.has('*')) return true;
  return opdId ? scope.has(opdId) : false;
}

/** Like `can` but only asks whether the actor holds the permission anywhere. */
export function canAny(actor: Actor, perm: Permission): boolean {
  return (holds(actor, perm)?.size ?? 0) > 0;
}

export function requirePermission(actor: Actor, perm: Permission, opdId?: string | null): void {
  if (!can(actor, perm, opdId)) throw forbidden();
}

export function requireAny(actor: Actor, perm: Permission): void {
  if (!canAny(actor, perm)) throw forbidden();
}

/** 'all' when the permission is tenant-wide, else the list of OPD ids it covers. */
export function opdScope(actor: Actor, perm: Permission): 'all' | string[] {
  const scope = holds(actor, perm);
  if (!scope) return [];
  if (scope.has('*')) return 'all';
  return [...scope];
}

export function permissionList(actor: Actor): string[] {
  if (actor.grants.get('*')?.has('*')) return ['*'];
  return [...actor.grants.keys()].filter((p) => !actor.tokenScopes || actor.tokenScopes.includes(p));
}
