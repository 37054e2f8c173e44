import type { Actor } from '../../platform/context/actor.js';
import type { CertProfile, Sans, SubjectInput } from './profiles.js';
import type { RevocationReason } from './crl.js';
import type { IssuerAdapter } from './issuers.js';

export type { CertProfile, RevocationReason };

export type IssueRequest = {
  profile: CertProfile;
  subject: SubjectInput;
  sans?: Sans;
  spkiDer: Uint8Array;
  validityDays?: number;
  holderRef?: { entity: string; id: string };
};

export type IssuedCertificate = {
  id: string;
  serialHex: string;
  certDer: Uint8Array;
  certPem: string;
  /** Issuing CA then root, PEM. */
  chainPem: string[];
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  profile: CertProfile;
  subjectDn: string;
};

export type PkiUrls = { caCert: string; issuingCert: string; crl: string; ocsp: string; tsa: string };

/** The embedded CA of each Pemda (K3, K4, K8, K9, K14), as other modules use it. */
export interface PkiService {
  issue(tenantId: string, req: IssueRequest, opts?: { actor?: Actor }): Promise<IssuedCertificate>;
  parseCsr(csr: string | Uint8Array): Promise<{ spkiDer: Uint8Array; subject: string; keyAlgorithm: string }>;
  revoke(tenantId: string, serialHex: string, reason: RevocationReason, opts?: { invalidityDate?: Date; actor?: Actor }): Promise<void>;
  /** K8: re-issue with the same subject/SANs/profile/holder (new key recommended); optionally supersede the old one. */
  renew(tenantId: string, serialHex: string, opts?: { spkiDer?: Uint8Array; validityDays?: number; revokeOld?: boolean; actor?: Actor }): Promise<IssuedCertificate>;
  status(tenantId: string, serialHex: string): Promise<{ status: 'good' | 'revoked' | 'unknown'; revokedAt?: Date; reason?: RevocationReason }>;
  chain(tenantId: string): Promise<{ rootPem: string; issuingPem: string }>;
  timestamp(tenantId: string, tsqDer: Uint8Array): Promise<Uint8Array>;
  ocsp(tenantId: string, reqDer: Uint8Array): Promise<Uint8Array>;
  crl(tenantId: string): Promise<Uint8Array>;
  urls(tenantId: string): PkiUrls;
  /** The issuer the tenant chose in its PKI settings: the embedded CA (default), BSrE or an EJBCA-style CA. */
  issuer(tenantId: string): Promise<IssuerAdapter>;
}
