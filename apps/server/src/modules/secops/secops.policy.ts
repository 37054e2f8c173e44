import type { Actor } from '../../platform/context/actor.js';
import { can, opdScope, requireAny, requirePermission } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

/**
 * Who may see and change the security-cycle and SOC records (D13, D14). Dinas staff, auditors
 * and reviewers read everything; OPD-scoped readers see only the activities and findings of
 * their OPD's applications and devices (infrastructure areas are the Dinas's). Only tenant-wide
 * holders of secops.manage (Dinas security officers, admin) record and change.
 */
export const secopsPolicy = {
  read: (a: Actor) => requireAny(a, 'secops.read'),
  scope: (a: Actor) => opdScope(a, 'secops.read'),
  /** A record of `opdId` (null = tenant-wide record such as an infrastructure area or the SOC). */
  readIn: (a: Actor, opdId: string | null) => {
    if (!can(a, 'secops.read', opdId)) throw forbidden();
  },
  readTenant: (a: Actor) => requirePermission(a, 'secops.read'),
  manage: (a: Actor) => requirePermission(a, 'secops.manage'),
};
