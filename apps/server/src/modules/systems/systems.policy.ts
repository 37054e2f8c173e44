import type { Actor } from '../../platform/context/actor.js';
import { can, opdScope, requireAny, requirePermission } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

export type ManagePerm = 'systems.manage' | 'systems.infra';

/**
 * Who may see and change the electronic-system registers (D1–D15, C1). Records belong to an
 * OPD: OPD-scoped roles see and edit only their OPD's; the Dinas (systems.infra) alone assigns
 * IP addresses, decides subdomains and registers interconnections.
 */
export const systemsPolicy = {
  read: (a: Actor) => requireAny(a, 'systems.read'),
  readScope: (a: Actor) => opdScope(a, 'systems.read'),
  readIn: (a: Actor, opdId: string) => {
    if (!can(a, 'systems.read', opdId)) throw forbidden();
  },
  canReadIn: (a: Actor, opdId: string) => can(a, 'systems.read', opdId),
  manageIn: (a: Actor, perm: ManagePerm, opdId: string) => requirePermission(a, perm, opdId),
  canManageIn: (a: Actor, perm: ManagePerm, opdId: string) => can(a, perm, opdId),
  exportReport: (a: Actor) => {
    requireAny(a, 'systems.read');
    requireAny(a, 'reports.export');
  },
};
