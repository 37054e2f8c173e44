import type { Actor } from '../../platform/context/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';

export const validation = (field: string, key: any) => new AppError(400, 'error.validation', [{ field, key }]);
export const yearOf = (d = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(d),
  );

/** A certificate the actor holds or may read in its OPD; otherwise 404/403. */
export async function loadCert(db: DbOrTx, actor: Actor, id: string) {
  const r = await repo.getCertificate(db, actor.tenantId, id);
  if (!r) throw notFound();
  if (r.cert.holderUserId !== actor.userId && !policy.canReadOpd(actor, r.cert.opdId)) throw forbidden();
  return r;
}
