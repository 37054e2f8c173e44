import type { Actor } from '../../platform/context/actor.js';
import { requireAny, requirePermission } from '../../platform/context/actor.js';

/** Who may read the library and compliance view, change bindings/imports, and attest (R-REG). */
export const regulationsPolicy = {
  read: (a: Actor) => requireAny(a, 'regulations.read'),
  /** Binding and importing are decisions for the whole Pemda (tenant-wide grant). */
  manage: (a: Actor) => requirePermission(a, 'regulations.manage'),
  attest: (a: Actor) => requireAny(a, 'compliance.attest'),
};
