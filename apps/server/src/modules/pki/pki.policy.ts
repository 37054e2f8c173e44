import type { Actor } from '../../platform/context/actor.js';
import { requirePermission } from '../../platform/context/actor.js';

/** Running the CA is a tenant-wide duty of the persandian section (K1, K14). */
export const pkiPolicy = {
  manage: (a: Actor) => requirePermission(a, 'pki.manage'),
};
