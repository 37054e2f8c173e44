import type { TCertApplication, TCertificate } from '@persada/shared';
import { iso } from '../../platform/http/paging.js';
import type { AppRow, CertRow } from './certificates.repo.js';

export const appDto = (r: { app: AppRow; opdName: string | null; applicantName: string | null }): TCertApplication => ({
  id: r.app.id,
  number: r.app.number,
  kind: r.app.kind,
  status: r.app.status,
  opdId: r.app.opdId,
  opdName: r.opdName,
  applicantUserId: r.app.applicantUserId,
  applicantName: r.applicantName,
  filedByUserId: r.app.filedByUserId,
  commonName: r.app.commonName,
  email: r.app.email,
  nip: r.app.nip,
  positionTitle: r.app.positionTitle,
  unitName: r.app.unitName,
  systemName: r.app.systemName,
  dnsNames: r.app.dnsNames,
  uses: r.app.uses,
  renewalOfId: r.app.renewalOfId,
  revision: r.app.revision,
  checklist: r.app.checklist ?? null,
  rejectionReason: r.app.rejectionReason,
  decidedAt: iso(r.app.decidedAt),
  submittedAt: iso(r.app.submittedAt),
  archivedAt: iso(r.app.archivedAt),
  createdAt: r.app.createdAt.toISOString(),
  updatedAt: r.app.updatedAt.toISOString(),
});

export const certStatus = (c: CertRow, now = new Date()): TCertificate['status'] =>
  c.status === 'revoked' ? 'revoked' : c.notAfter <= now ? 'expired' : 'active';

export const certDto = (r: { cert: CertRow; opdName: string | null; holderName: string | null }): TCertificate => ({
  id: r.cert.id,
  applicationId: r.cert.applicationId,
  holderUserId: r.cert.holderUserId,
  holderName: r.holderName,
  opdId: r.cert.opdId,
  opdName: r.opdName,
  kind: r.cert.kind,
  profile: r.cert.profile,
  serialHex: r.cert.serialHex,
  subjectDn: r.cert.subjectDn,
  notBefore: r.cert.notBefore.toISOString(),
  notAfter: r.cert.notAfter.toISOString(),
  sha256: r.cert.sha256,
  certPem: r.cert.certPem,
  chainPem: r.cert.chainPem,
  keySource: r.cert.keySource,
  agreementVersion: r.cert.agreementVersion,
  agreementAcceptedAt: r.cert.agreementAcceptedAt.toISOString(),
  receiptNumber: r.cert.receiptNumber,
  status: certStatus(r.cert),
  revokedAt: iso(r.cert.revokedAt),
  revocationReason: r.cert.revocationReason,
  renewedById: r.cert.renewedById,
  createdAt: r.cert.createdAt.toISOString(),
});
