// zod contracts of the pki module (shared by the API and the web app).
import { z } from 'zod';
import { ZListQuery } from './common.js';

export const PKI_PROFILES = ['signing', 'encryption', 'tls_server', 'ra_operator', 'ocsp_signer', 'tsa'] as const;
export const PKI_REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
] as const;
export const PKI_ISSUERS = ['embedded', 'bsre', 'ejbca'] as const;

export const ZPkiCaCert = z.object({
  kind: z.enum(['root', 'issuing', 'ocsp', 'tsa']),
  subjectDn: z.string(),
  serialHex: z.string(),
  keyAlgorithm: z.string(),
  keyStore: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  sha256: z.string(),
});
export type TPkiCaCert = z.infer<typeof ZPkiCaCert>;

export const ZPkiStatus = z.object({
  initialised: z.boolean(),
  issuer: z.enum(PKI_ISSUERS),
  cas: z.array(ZPkiCaCert),
  urls: z.object({ caCert: z.string(), issuingCert: z.string(), crl: z.string(), ocsp: z.string(), tsa: z.string(), rootPem: z.string(), issuingPem: z.string(), crlPem: z.string() }),
  counts: z.object({ good: z.number().int(), revoked: z.number().int() }),
  crl: z.object({ crlNumber: z.number().int(), thisUpdate: z.iso.datetime(), nextUpdate: z.iso.datetime(), entries: z.number().int() }).nullable(),
});
export type TPkiStatus = z.infer<typeof ZPkiStatus>;

export const ZPkiCertificate = z.object({
  id: z.string(),
  serialHex: z.string(),
  profile: z.string(),
  subjectDn: z.string(),
  commonName: z.string(),
  email: z.string().nullable(),
  keyAlgorithm: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  sha256: z.string(),
  status: z.enum(['good', 'revoked', 'expired']),
  revokedAt: z.iso.datetime().nullable(),
  revocationReason: z.string().nullable(),
  holderEntity: z.string().nullable(),
  holderId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TPkiCertificate = z.infer<typeof ZPkiCertificate>;

export const ZPkiCertQuery = ZListQuery.extend({
  profile: z.enum(PKI_PROFILES).optional(),
  status: z.enum(['good', 'revoked', 'expired']).optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type TPkiCertQuery = z.infer<typeof ZPkiCertQuery>;

export const ZPkiRevokeInput = z.object({
  reason: z.enum(PKI_REVOCATION_REASONS),
  invalidityDate: z.iso.datetime().optional(),
});
export type TPkiRevokeInput = z.infer<typeof ZPkiRevokeInput>;

export const ZPkiCrlInfo = z.object({ crlNumber: z.number().int(), thisUpdate: z.iso.datetime(), nextUpdate: z.iso.datetime(), entries: z.number().int() });

export const ZPkiSettings = z.object({
  issuer: z.enum(PKI_ISSUERS),
  externalUrl: z.string().nullable(),
  externalOptions: z.record(z.string(), z.string()),
  hasSecret: z.boolean(),
});
export type TPkiSettings = z.infer<typeof ZPkiSettings>;

export const ZPkiSettingsInput = z.object({
  issuer: z.enum(PKI_ISSUERS),
  externalUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  externalOptions: z.record(z.string().max(64), z.string().max(500)).optional(),
  /** New credentials (JSON string, e.g. {"username","password"} or {"token"}); omitted = unchanged. */
  externalSecret: z.string().max(4000).optional(),
});
export type TPkiSettingsInput = z.infer<typeof ZPkiSettingsInput>;
