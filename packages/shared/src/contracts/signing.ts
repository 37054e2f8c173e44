// zod contracts of the signing module (shared by the API and the web app).
import { z } from 'zod';

export const signingStatuses = ['in_progress', 'completed', 'cancelled'] as const;

export const ZSigningSignerInput = z.object({
  userId: z.uuid(),
  position: z.string().trim().max(200).nullish(),
});

/** Fields sent with the PDF (multipart "meta" as JSON). */
export const ZSigningRequestInput = z.object({
  title: z.string().trim().min(3, 'error.required').max(300),
  docNumber: z.string().trim().max(120).nullish(),
  signers: z.array(ZSigningSignerInput).min(1, 'signing.signers_required').max(10),
});
export type TSigningRequestInput = z.infer<typeof ZSigningRequestInput>;

export const ZSigningSigner = z.object({
  id: z.uuid(),
  seq: z.number(),
  userId: z.uuid(),
  displayName: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  status: z.enum(['pending', 'signed']),
  signedAt: z.string().nullable(),
  certSerial: z.string().nullable(),
  certSubject: z.string().nullable(),
  isCurrent: z.boolean(),
});

export const ZSigningRequest = z.object({
  id: z.uuid(),
  title: z.string(),
  docNumber: z.string().nullable(),
  fileName: z.string(),
  status: z.enum(signingStatuses),
  sha256: z.string(),
  size: z.number(),
  createdBy: z.uuid(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  verifyUrl: z.string(),
  signers: z.array(ZSigningSigner),
  myTurn: z.boolean(),
});
export type TSigningRequest = z.infer<typeof ZSigningRequest>;

export const ZSigningListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  box: z.enum(['all', 'todo', 'mine']).default('all'),
  status: z.enum(signingStatuses).optional(),
});

export const ZPrepareSignInput = z.object({
  certificatePem: z.string().min(100).max(20_000),
  password: z.string().min(1).max(200),
});
export const ZPreparedSign = z.object({
  toBeSignedB64: z.string(),
  digestHex: z.string(),
  documentSha256: z.string(),
  signingTime: z.string(),
  fieldName: z.string(),
});
export const ZCompleteSignInput = z.object({ signatureB64: z.string().min(16).max(4096) });

export const ZSmimePrepareInput = z.object({
  certificatePem: z.string().min(100).max(20_000),
  /** The MIME entity to sign (headers + body, CRLF line ends are enforced by the server). */
  content: z.string().min(1).max(1_000_000),
});
export const ZSmimePrepared = z.object({ toBeSignedB64: z.string(), signingTime: z.string(), canonicalContent: z.string() });
export const ZSmimeCompleteInput = ZSmimePrepareInput.extend({ signingTime: z.string(), signatureB64: z.string().min(16).max(4096) });

const ZRev = z.enum(['good', 'revoked', 'unknown']);
export const ZSignatureReport = z.object({
  index: z.number(),
  fieldName: z.string().nullable(),
  signer: z.object({ name: z.string(), subject: z.string(), serialHex: z.string(), issuer: z.string(), notBefore: z.string(), notAfter: z.string() }).nullable(),
  claimedSigningTime: z.string().nullable(),
  timestamp: z.object({ time: z.string(), valid: z.boolean(), tsa: z.string().nullable() }).nullable(),
  integrity: z.boolean(),
  certificateBinding: z.boolean(),
  chain: z.object({ status: z.enum(['trusted', 'untrusted', 'invalid']), path: z.array(z.string()) }),
  revocation: z.object({ atSigning: ZRev, now: ZRev, source: z.enum(['dss', 'online', 'none']), revokedAt: z.string().nullable() }),
  coversUntilByte: z.number(),
  modifiedAfter: z.boolean(),
  laterRevisions: z.number(),
  verdict: z.enum(['valid', 'warning', 'invalid']),
  problems: z.array(z.string()),
});
export const ZVerifyReport = z.object({
  pages: z.number(),
  signatures: z.array(ZSignatureReport),
  verdict: z.enum(['valid', 'warning', 'invalid', 'unsigned']),
  sha256: z.string(),
  document: z
    .object({ id: z.uuid(), title: z.string(), docNumber: z.string().nullable(), status: z.enum(signingStatuses), tenantName: z.string(), matchesStored: z.boolean().nullable() })
    .nullable(),
});
export type TVerifyReport = z.infer<typeof ZVerifyReport>;
export type TSignatureReport = z.infer<typeof ZSignatureReport>;

/** A CA certificate the Pemda trusts for signature verification (besides its own CA). */
export const ZTrustedRootInput = z.object({ certificate: z.string().min(1).max(20_000) });
export type TTrustedRootInput = z.infer<typeof ZTrustedRootInput>;
export const ZTrustedRootEnabled = z.object({ enabled: z.boolean() });
export const ZTrustedRoot = z.object({
  id: z.uuid(),
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprintSha256: z.string(),
  selfSigned: z.boolean(),
  expired: z.boolean(),
  enabled: z.boolean(),
  createdBy: z.uuid(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  certificatePem: z.string(),
});
export type TTrustedRoot = z.infer<typeof ZTrustedRoot>;

/** A holder who can receive an encrypted document: a valid encryption certificate in this Pemda. */
export const ZRecipient = z.object({
  certificateId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  nip: z.string().nullable(),
  opdName: z.string().nullable(),
  email: z.string().nullable(),
  serial: z.string(),
  notAfter: z.string(),
  certificatePem: z.string(),
});
export type TRecipient = z.infer<typeof ZRecipient>;
