import type { Actor } from '../../platform/context/actor.js';
import { can, canAny, opdScope, requireAny, requirePermission } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

/** Who may see and change the organisation (A2–A4): tenant-wide roles, or roles scoped to one OPD. */
export const orgPolicy = {
  readTenant: (a: Actor) => requireAny(a, 'tenant.read'),
  manageTenant: (a: Actor) => requirePermission(a, 'tenant.manage'),
  readOrg: (a: Actor) => requireAny(a, 'org.read'),
  orgScope: (a: Actor) => opdScope(a, 'org.read'),
  /** Creating or removing an OPD is a tenant-wide decision. */
  manageOpdSet: (a: Actor) => requirePermission(a, 'org.manage'),
  manageInOpd: (a: Actor, opdId: string) => requirePermission(a, 'org.manage', opdId),
  readInOpd: (a: Actor, opdId: string) => {
    if (!can(a, 'org.read', opdId)) throw forbidden();
  },
  readPeople: (a: Actor) => requireAny(a, 'people.read'),
  peopleScope: (a: Actor) => opdScope(a, 'people.read'),
  readPerson: (a: Actor, opdId: string) => requirePermission(a, 'people.read', opdId),
  managePeopleIn: (a: Actor, opdId: string) => requirePermission(a, 'people.manage', opdId),
  canManagePeopleAnywhere: (a: Actor) => canAny(a, 'people.manage'),
};
