import type { TPkiCertificate } from '@persada/shared';
import { iso } from '../../platform/http/paging.js';
import type { listCertificates } from './pki.repo.js';

type ListRow = Awaited<ReturnType<typeof listCertificates>>['items'][number];

export const certDto = (r: ListRow, now = Date.now()): TPkiCertificate => ({
  id: r.id,
  serialHex: r.serialHex,
  profile: r.profile,
  subjectDn: r.subjectDn,
  commonName: r.commonName,
  email: r.email,
  keyAlgorithm: r.keyAlgorithm,
  notBefore: r.notBefore.toISOString(),
  notAfter: r.notAfter.toISOString(),
  sha256: r.sha256,
  status: r.status === 'revoked' ? 'revoked' : r.notAfter.getTime() < now ? 'expired' : 'good',
  revokedAt: iso(r.revokedAt),
  revocationReason: r.revocationReason,
  holderEntity: r.holderEntity,
  holderId: r.holderId,
  createdAt: r.createdAt.toISOString(),
});
