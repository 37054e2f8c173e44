// zod contracts of the certificates module (shared by the API and the web app).
import { z } from 'zod';
import { parseNip } from '../identity-numbers.js';

export const certKinds = ['individual', 'position', 'system'] as const;
export const certUses = ['signing', 'email_protection', 'document_protection'] as const;
export const certAppStatuses = ['draft', 'submitted', 'rejected', 'approved', 'issued', 'cancelled'] as const;
export const needPriorities = ['high', 'medium', 'low'] as const;
/** RFC 5280 CRLReason names a holder or the Dinas may give. */
export const revocationReasons = ['unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn'] as const;
export const complaintCategories = ['authentication', 'authenticity', 'repudiation', 'technical', 'operator', 'other'] as const;
export const complaintStatuses = ['open', 'in_progress', 'escalated', 'resolved', 'closed'] as const;

/** Documents each kind of application must carry (MDN-30 P10 ayat 3–5). */
export const requiredDocuments: Record<(typeof certKinds)[number], readonly string[]> = {
  individual: ['cover_letter', 'recommendation', 'ektp'],
  position: ['cover_letter', 'recommendation', 'appointment_decree', 'delegation_letter', 'ektp'],
  system: ['cover_letter', 'recommendation', 'ektp'],
};
export const certDocuments = ['cover_letter', 'recommendation', 'ektp', 'appointment_decree', 'delegation_letter'] as const;

/** What the RA operator checks before deciding (MDN-30 P11 ayat 1). */
export const verificationChecklist: Record<(typeof certKinds)[number], readonly string[]> = {
  individual: ['cover_letter', 'recommendation', 'official_email', 'identity', 'data_true'],
  position: ['cover_letter', 'recommendation', 'official_email', 'identity', 'appointment_decree', 'delegation_letter', 'data_true'],
  system: ['cover_letter', 'recommendation', 'official_email', 'identity', 'system_owned', 'data_true'],
};

/** The subscriber agreement and holder obligations (MDN-30 P16–P17) accepted at issuance. */
export const SUBSCRIBER_AGREEMENT_VERSION = 'MDN-30/2019-P16-P17-v1';
export const subscriberAgreement = {
  id: [
    'Saya menyetujui perjanjian Pemilik Sertifikat Elektronik dan ketentuan penggunaan Sertifikat Elektronik sebelum sertifikat diterbitkan (Pasal 13 ayat 5, Pasal 16).',
    'a. memastikan kebenaran semua data/informasi yang saya berikan kepada Otoritas Pendaftaran;',
    'b. melindungi Sertifikat Elektronik agar tidak digunakan oleh pihak lain;',
    'c. tidak menyerahkan penggunaan Sertifikat Elektronik kepada pihak lain;',
    'd. melindungi kerahasiaan Kunci Privat, passphrase atau hal lain yang digunakan untuk mengaktifkan Kunci Privat;',
    'e. tidak mengubah, tidak mengganggu atau melakukan reverse engineering dan tidak membocorkan sistem layanan keamanan penyelenggara Sertifikat Elektronik;',
    'f. bertanggung jawab atas penggunaan, penyimpanan, pembaruan dan pemusnahan Sertifikat Elektronik dan Kunci Privat.',
  ],
  en: [
    'I accept the certificate holder agreement and the terms of use before the certificate is issued (Art. 13(5), Art. 16).',
    'a. ensure that all data I give the Registration Authority is true;',
    'b. protect the certificate from use by others;',
    'c. not hand the use of the certificate to anyone else;',
    'd. keep the private key, passphrase and anything that activates the key secret;',
    "e. not alter, disturb, reverse-engineer or leak the provider's security services;",
    'f. be responsible for the use, storage, renewal and destruction of the certificate and private key.',
  ],
};

const text = (max = 500) => z.string().trim().min(1).max(max);
const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const dnsName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'certificates.dns_invalid');

export const ZCertApplicationInput = z
  .object({
    kind: z.enum(certKinds),
    /** Filed by an OPD operator on behalf of this user; the applicant themself when absent. */
    applicantUserId: z.uuid().nullish(),
    commonName: text(200),
    email: z.email().trim().toLowerCase(),
    nip: optText(30),
    positionTitle: optText(200),
    unitName: optText(200),
    systemName: optText(200),
    dnsNames: z.array(dnsName).max(20).default([]),
    uses: z.array(z.enum(certUses)).min(1).max(3),
  })
  .superRefine((v, ctx) => {
    if (v.nip) {
      const r = parseNip(v.nip);
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['nip'], message: r.error });
    }
    if (v.kind !== 'system' && !v.nip) ctx.addIssue({ code: 'custom', path: ['nip'], message: 'certificates.nip_required' });
    if (v.kind === 'position' && !v.positionTitle) ctx.addIssue({ code: 'custom', path: ['positionTitle'], message: 'certificates.position_required' });
    if (v.kind === 'system' && !v.systemName) ctx.addIssue({ code: 'custom', path: ['systemName'], message: 'certificates.system_required' });
    if (v.kind === 'system' && !v.dnsNames.length) ctx.addIssue({ code: 'custom', path: ['dnsNames'], message: 'certificates.dns_required' });
  });
export type TCertApplicationInput = z.input<typeof ZCertApplicationInput>;
export type TCertApplicationData = z.output<typeof ZCertApplicationInput>;

export const ZAttachDocumentInput = z.object({ requirement: z.enum(certDocuments), fileId: z.uuid() });
export type TAttachDocumentInput = z.infer<typeof ZAttachDocumentInput>;

export const ZDecisionInput = z
  .object({
    decision: z.enum(['approve', 'reject']),
    checklist: z.record(z.string(), z.boolean()).default({}),
    reason: optText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'certificates.reason_required' });
  });
export type TDecisionInput = z.input<typeof ZDecisionInput>;

export const ZIssueInput = z
  .object({
    agreementVersion: z.literal(SUBSCRIBER_AGREEMENT_VERSION, { message: 'certificates.agreement_outdated' }),
    acceptAgreement: z.literal(true, { message: 'certificates.agreement_required' }),
    /** Base64 DER SubjectPublicKeyInfo of a key generated in the browser. */
    spki: z.string().max(4096).nullish(),
    /** PEM PKCS#10 request (browser-built, or from a system's administrator). */
    csrPem: z.string().max(16384).nullish(),
  })
  .refine((v) => !!v.spki !== !!v.csrPem, { message: 'certificates.key_required', path: ['spki'] });
export type TIssueInput = z.input<typeof ZIssueInput>;

export const ZNeedInput = z.object({
  opdId: z.uuid(),
  year: z.coerce.number().int().min(2015).max(2100),
  kind: z.enum(certKinds),
  holderName: text(200),
  quantity: z.coerce.number().int().min(1).max(100000),
  uses: z.array(z.enum(certUses)).min(1),
  justification: optText(2000),
});
export type TNeedInput = z.input<typeof ZNeedInput>;
export const ZNeedAnalysisInput = z.object({ priority: z.enum(needPriorities), analysisNotes: optText(2000) });
export type TNeedAnalysisInput = z.input<typeof ZNeedAnalysisInput>;

export const ZAppointOperatorInput = z.object({ userId: z.uuid(), decreeNumber: text(100), decreeDate: z.iso.date() });
export type TAppointOperatorInput = z.infer<typeof ZAppointOperatorInput>;
export const ZRaCertificateInput = z
  .object({ spki: z.string().max(4096).nullish(), certPem: z.string().max(16384).nullish() })
  .refine((v) => !!v.spki !== !!v.certPem, { message: 'certificates.key_required', path: ['spki'] });
export type TRaCertificateInput = z.input<typeof ZRaCertificateInput>;

export const ZRevocationRequestInput = z
  .object({ reason: z.enum(revocationReasons), details: text(2000), statementFileId: z.uuid().nullish() })
  .superRefine((v, ctx) => {
    if (v.reason === 'keyCompromise' && !v.statementFileId) ctx.addIssue({ code: 'custom', path: ['statementFileId'], message: 'certificates.statement_required' });
  });
export type TRevocationRequestInput = z.input<typeof ZRevocationRequestInput>;
export const ZRevokeInput = z.object({ reason: z.enum(revocationReasons), details: text(2000) });
export type TRevokeInput = z.infer<typeof ZRevokeInput>;
export const ZRevocationDecisionInput = z
  .object({ decision: z.enum(['revoke', 'reject']), note: optText(2000) })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'certificates.reason_required' });
  });
export type TRevocationDecisionInput = z.input<typeof ZRevocationDecisionInput>;
export const ZIncidentReportInput = z.object({
  reportedToHeadAt: z.iso.datetime({ offset: true }).nullish(),
  reportedToBssnAt: z.iso.datetime({ offset: true }).nullish(),
  bssnReference: optText(200),
});
export type TIncidentReportInput = z.input<typeof ZIncidentReportInput>;

export const ZComplaintInput = z.object({
  category: z.enum(complaintCategories),
  certificateId: z.uuid().nullish(),
  aboutOperatorUserId: z.uuid().nullish(),
  subject: text(200),
  description: text(4000),
});
export type TComplaintInput = z.input<typeof ZComplaintInput>;
export const ZComplaintUpdateInput = z.object({ status: z.enum(complaintStatuses), response: optText(4000), providerReference: optText(200) });
export type TComplaintUpdateInput = z.input<typeof ZComplaintUpdateInput>;

// Outputs (no transforms)
const ts = z.string().nullable();
export const ZCertFile = z.object({ id: z.uuid(), requirement: z.string(), fileId: z.uuid(), name: z.string(), size: z.number(), revision: z.number(), current: z.boolean(), createdAt: z.string() });
export const ZCertEvent = z.object({ id: z.uuid(), action: z.string(), revision: z.number(), actorLabel: z.string(), note: z.string().nullable(), createdAt: z.string() });
export const ZCertificate = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  holderUserId: z.uuid(),
  holderName: z.string().nullable(),
  opdId: z.uuid(),
  opdName: z.string().nullable(),
  kind: z.enum(certKinds),
  profile: z.string(),
  serialHex: z.string(),
  subjectDn: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
  certPem: z.string(),
  chainPem: z.string().nullable(),
  keySource: z.string(),
  agreementVersion: z.string(),
  agreementAcceptedAt: z.string(),
  receiptNumber: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  revokedAt: ts,
  revocationReason: z.string().nullable(),
  renewedById: z.string().nullable(),
  createdAt: z.string(),
});
export type TCertificate = z.infer<typeof ZCertificate>;
export const ZCertApplication = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(certKinds),
  status: z.enum(certAppStatuses),
  opdId: z.uuid(),
  opdName: z.string().nullable(),
  applicantUserId: z.uuid(),
  applicantName: z.string().nullable(),
  filedByUserId: z.uuid(),
  commonName: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  positionTitle: z.string().nullable(),
  unitName: z.string().nullable(),
  systemName: z.string().nullable(),
  dnsNames: z.array(z.string()),
  uses: z.array(z.string()),
  renewalOfId: z.string().nullable(),
  revision: z.number(),
  checklist: z.record(z.string(), z.boolean()).nullable(),
  rejectionReason: z.string().nullable(),
  decidedAt: ts,
  submittedAt: ts,
  archivedAt: ts,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCertApplication = z.infer<typeof ZCertApplication>;
export const ZCertApplicationDetail = ZCertApplication.extend({
  files: z.array(ZCertFile),
  events: z.array(ZCertEvent),
  certificate: ZCertificate.nullable(),
  missingDocuments: z.array(z.string()),
  canEdit: z.boolean(),
  canDecide: z.boolean(),
  canIssue: z.boolean(),
});
export type TCertApplicationDetail = z.infer<typeof ZCertApplicationDetail>;

export const ZCertNeed = z.object({
  id: z.uuid(),
  opdId: z.uuid(),
  opdName: z.string().nullable(),
  year: z.number(),
  kind: z.enum(certKinds),
  holderName: z.string(),
  quantity: z.number(),
  uses: z.array(z.string()),
  justification: z.string().nullable(),
  priority: z.enum(needPriorities).nullable(),
  analysisNotes: z.string().nullable(),
  analyzedAt: ts,
  createdAt: z.string(),
});
export type TCertNeed = z.infer<typeof ZCertNeed>;
export const ZNeedSummaryRow = z.object({
  opdId: z.uuid(),
  opdName: z.string(),
  individual: z.number(),
  position: z.number(),
  system: z.number(),
  total: z.number(),
  high: z.number(),
  analyzed: z.number(),
  entries: z.number(),
});
export type TNeedSummaryRow = z.infer<typeof ZNeedSummaryRow>;

export const ZRaOperator = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  decreeNumber: z.string(),
  decreeDate: z.string(),
  active: z.boolean(),
  raCertSerial: z.string().nullable(),
  raCertSubject: z.string().nullable(),
  raCertNotAfter: ts,
  raCertSource: z.string().nullable(),
  raCertValid: z.boolean(),
  createdAt: z.string(),
});
export type TRaOperator = z.infer<typeof ZRaOperator>;
export const ZMyRaStatus = z.object({ appointed: z.boolean(), certificateValid: z.boolean(), operator: ZRaOperator.nullable() });
export type TMyRaStatus = z.infer<typeof ZMyRaStatus>;

export const ZRevocation = z.object({
  id: z.uuid(),
  certificateId: z.uuid(),
  serialHex: z.string(),
  subjectDn: z.string(),
  holderName: z.string().nullable(),
  source: z.enum(['holder', 'evaluation']),
  reason: z.string(),
  details: z.string(),
  statementFileId: z.string().nullable(),
  status: z.enum(['requested', 'revoked', 'rejected']),
  decidedAt: ts,
  decisionNote: z.string().nullable(),
  reportedToHeadAt: ts,
  reportedToBssnAt: ts,
  bssnReference: z.string().nullable(),
  createdAt: z.string(),
});
export type TRevocation = z.infer<typeof ZRevocation>;

export const ZComplaint = z.object({
  id: z.uuid(),
  number: z.string(),
  category: z.enum(complaintCategories),
  certificateId: z.string().nullable(),
  aboutOperatorUserId: z.string().nullable(),
  aboutOperatorName: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  raisedBy: z.uuid(),
  raisedByName: z.string().nullable(),
  status: z.enum(complaintStatuses),
  response: z.string().nullable(),
  providerReference: z.string().nullable(),
  escalatedAt: ts,
  resolvedAt: ts,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TComplaint = z.infer<typeof ZComplaint>;

export const ZUsageRow = z.object({
  opdId: z.uuid(),
  opdName: z.string(),
  issued: z.number(),
  active: z.number(),
  revoked: z.number(),
  expired: z.number(),
  renewed: z.number(),
  signatures: z.number().nullable(),
});
export type TUsageRow = z.infer<typeof ZUsageRow>;
export const ZUsageReport = z.object({ year: z.number(), rows: z.array(ZUsageRow), totals: ZUsageRow.omit({ opdId: true, opdName: true }) });
export type TUsageReport = z.infer<typeof ZUsageReport>;

export const ZUploadedFile = z.object({ id: z.uuid(), name: z.string(), size: z.number(), mime: z.string(), sha256: z.string() });

export const ZProviderAgreementInput = z.object({
  provider: text(200),
  agreementNumber: text(100),
  signedOn: z.iso.date(),
  validUntil: z.iso.date().nullish(),
  notes: optText(2000),
  /** An uploaded scan of the signed agreement (POST /api/certificates/uploads); omitted = unchanged. */
  fileId: z.uuid().nullish(),
});
export type TProviderAgreementInput = z.input<typeof ZProviderAgreementInput>;
export const ZProviderAgreement = z.object({
  id: z.uuid(),
  provider: z.string(),
  agreementNumber: z.string(),
  signedOn: z.string(),
  validUntil: z.string().nullable(),
  notes: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
});
export type TProviderAgreement = z.infer<typeof ZProviderAgreement>;
export const ZCertEvaluationInput = z.object({
  year: z.coerce.number().int().min(2015).max(2100),
  letterNumber: text(100),
  reportedToHeadAt: z.iso.date().nullish(),
  reportedToBssnAt: z.iso.date().nullish(),
  summary: optText(4000),
});
export type TCertEvaluationInput = z.input<typeof ZCertEvaluationInput>;
export const ZEvaluation = z.object({
  id: z.uuid(),
  year: z.number(),
  letterNumber: z.string(),
  reportedToHeadAt: z.string().nullable(),
  reportedToBssnAt: z.string().nullable(),
  summary: z.string().nullable(),
  createdAt: z.string(),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;
