import type { Actor } from '../../platform/context/actor.js';
import { requireAny } from '../../platform/context/actor.js';
import { forbidden } from '../../platform/http/errors.js';

/** Signing is personal: a holder with documents.sign creates requests and signs when it is their turn. */
export const signingPolicy = {
  use: (a: Actor) => requireAny(a, 'documents.sign'),
  /** Only the uploader or one of the chosen signers sees a request; others get 404 from the service. */
  canSee: (a: Actor, r: { createdBy: string }, signerUserIds: string[]) => !!a.userId && (r.createdBy === a.userId || signerUserIds.includes(a.userId)),
  cancel: (a: Actor, r: { createdBy: string }) => {
    if (r.createdBy !== a.userId) throw forbidden();
  },
};
