import type { Actor } from '../../platform/context/actor.js';
import { can, canAny, opdScope, requireAny } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

/** Who may do what with certificate needs, applications and certificates (K2–K13). */
export const certPolicy = {
  /** Any user with the apply right may apply for themselves, see their own records and raise complaints. */
  apply: (a: Actor) => {
    requireAny(a, 'certificates.apply');
    if (!a.userId) throw forbidden();
  },
  /** OPD operators (manage in the OPD) file on behalf of the OPD's staff. */
  fileFor: (a: Actor, opdId: string) => {
    if (!can(a, 'certificates.manage', opdId)) throw forbidden();
  },
  canFileIn: (a: Actor, opdId: string) => can(a, 'certificates.manage', opdId),
  /** OPDs whose records the actor may read (read or manage right). */
  readScope: (a: Actor): 'all' | string[] => {
    const r = opdScope(a, 'certificates.read');
    const m = opdScope(a, 'certificates.manage');
    if (r === 'all' || m === 'all' || can(a, 'certificates.verify')) return 'all';
    return [...new Set([...r, ...m])];
  },
  canReadOpd: (a: Actor, opdId: string) => can(a, 'certificates.read', opdId) || can(a, 'certificates.manage', opdId) || can(a, 'certificates.verify'),
  isVerifier: (a: Actor) => can(a, 'certificates.verify'),
  verify: (a: Actor) => {
    if (!can(a, 'certificates.verify') || !a.userId) throw forbidden();
  },
  revoke: (a: Actor) => {
    if (!can(a, 'certificates.revoke')) throw forbidden();
  },
  canRevoke: (a: Actor) => can(a, 'certificates.revoke'),
  /** Tenant-wide managers (the Dinas): appoint operators, analyse needs, handle complaints. */
  dinas: (a: Actor) => {
    if (!can(a, 'certificates.manage')) throw forbidden();
  },
  isDinas: (a: Actor) => can(a, 'certificates.manage'),
  manageNeedsIn: (a: Actor, opdId: string) => {
    if (!can(a, 'certificates.manage', opdId)) throw forbidden();
  },
  needsScope: (a: Actor) => certPolicy.readScope(a),
  readAny: (a: Actor) => {
    if (!canAny(a, 'certificates.read') && !canAny(a, 'certificates.manage') && !can(a, 'certificates.verify')) throw forbidden();
  },
  exportReports: (a: Actor) => requireAny(a, 'reports.export'),
};
