import type { Actor } from '../../platform/context/actor.js';
import { can, opdScope, requireAny, requirePermission } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

/** Who may see and change risk registers (E1): per OPD (UPR) for scoped roles, tenant-wide otherwise. */
export const risksPolicy = {
  read: (a: Actor) => requireAny(a, 'risks.read'),
  scope: (a: Actor) => opdScope(a, 'risks.read'),
  readIn: (a: Actor, opdId: string) => {
    if (!can(a, 'risks.read', opdId)) throw forbidden();
  },
  manageIn: (a: Actor, opdId: string) => requirePermission(a, 'risks.manage', opdId),
  canManage: (a: Actor, opdId: string) => can(a, 'risks.manage', opdId),
  /** Approval is the risk owner's decision: only holders of risks.approve for that OPD. */
  approveIn: (a: Actor, opdId: string) => requirePermission(a, 'risks.approve', opdId),
  canApprove: (a: Actor, opdId: string) => can(a, 'risks.approve', opdId),
  configure: (a: Actor) => requirePermission(a, 'risks.configure'),
};
