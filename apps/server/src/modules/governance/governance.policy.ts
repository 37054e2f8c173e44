import type { Actor } from '../../platform/context/actor.js';
import { requireAny, requirePermission } from '../../platform/context/actor.js';

/** Who may see and change the governance records (B1–B10). */
export const governancePolicy = {
  read: (a: Actor) => requireAny(a, 'governance.read'),
  /** Plans, architecture, rules, policies, team, SOPs, BC/DR are tenant-wide records. */
  manage: (a: Actor) => requirePermission(a, 'governance.manage'),
  /** The status of a procedure in one OPD may be kept by whoever manages governance for that OPD. */
  manageInOpd: (a: Actor, opdId: string) => requirePermission(a, 'governance.manage', opdId),
  /** Approving and enacting policies (Walikota, Sekda, ketua tim). */
  approve: (a: Actor) => requirePermission(a, 'governance.approve'),
};
