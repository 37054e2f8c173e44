import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, ts, updatedAt } from './columns.js';
import { tenants, opds, people } from './org.js';
import { users } from './access.js';
import { files } from './platform.js';

/** Certificate needs of an OPD for one year, with the Dinas's analysis and priority (K2, MDN-30 P4, P9). */
export const certNeeds = pgTable(
  'cert_needs',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['individual', 'position', 'system'] }).notNull(),
    holderName: text('holder_name').notNull(),
    quantity: integer('quantity').notNull().default(1),
    uses: text('uses').array().notNull(),
    justification: text('justification'),
    priority: text('priority', { enum: ['high', 'medium', 'low'] }),
    analysisNotes: text('analysis_notes'),
    analyzedBy: uuid('analyzed_by'),
    analyzedAt: ts('analyzed_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('cert_needs_tenant_year_idx').on(t.tenantId, t.year, t.opdId)],
);

/** Appointment of an RA operator by the head of the Dinas, and the operator's RA certificate (K11, P20). */
export const certRaOperators = pgTable(
  'cert_ra_operators',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    decreeNumber: text('decree_number').notNull(),
    decreeDate: date('decree_date').notNull(),
    active: boolean('active').notNull().default(true),
    endedAt: ts('ended_at'),
    raCertSerial: text('ra_cert_serial'),
    raCertSubject: text('ra_cert_subject'),
    raCertNotAfter: ts('ra_cert_not_after'),
    raCertSource: text('ra_cert_source', { enum: ['ca', 'provider'] }),
    raCertPem: text('ra_cert_pem'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cert_ra_operators_active_uq').on(t.tenantId, t.userId).where(sql`${t.active}`)],
);

/** An application for an electronic certificate (K3, K5, K6). */
export const certApplications = pgTable(
  'cert_applications',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['individual', 'position', 'system'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'rejected', 'approved', 'issued', 'cancelled'] }).notNull().default('draft'),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    applicantUserId: uuid('applicant_user_id').notNull().references(() => users.id),
    applicantPersonId: uuid('applicant_person_id').references(() => people.id),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    commonName: text('common_name').notNull(),
    email: text('email').notNull(),
    nip: text('nip'),
    positionTitle: text('position_title'),
    unitName: text('unit_name'),
    systemName: text('system_name'),
    dnsNames: text('dns_names').array().notNull().default(sql`'{}'::text[]`),
    uses: text('uses').array().notNull(),
    renewalOfId: uuid('renewal_of_id'),
    reissueOfId: uuid('reissue_of_id'),
    revision: integer('revision').notNull().default(1),
    checklist: jsonb('checklist').$type<Record<string, boolean>>(),
    rejectionReason: text('rejection_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    submittedAt: ts('submitted_at'),
    archivedAt: ts('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('cert_applications_number_uq').on(t.tenantId, t.number),
    index('cert_applications_status_idx').on(t.tenantId, t.status, t.submittedAt),
    index('cert_applications_applicant_idx').on(t.tenantId, t.applicantUserId),
  ],
);

/** Status history of an application (submitted, rejected with reason, resubmitted, approved, issued). */
export const certApplicationEvents = pgTable(
  'cert_application_events',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => certApplications.id),
    action: text('action').notNull(),
    revision: integer('revision').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('cert_application_events_app_idx').on(t.tenantId, t.applicationId, t.createdAt)],
);

/** Required documents of an application, stored encrypted (classified). */
export const certApplicationFiles = pgTable(
  'cert_application_files',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => certApplications.id),
    requirement: text('requirement').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    revision: integer('revision').notNull(),
    replacedAt: ts('replaced_at'),
    createdAt: createdAt(),
  },
  (t) => [index('cert_application_files_app_idx').on(t.tenantId, t.applicationId)],
);

/** An issued certificate handed to its holder (K7, K8, K9, K10). */
export const certCertificates = pgTable(
  'cert_certificates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => certApplications.id),
    holderUserId: uuid('holder_user_id').notNull(),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    kind: text('kind', { enum: ['individual', 'position', 'system'] }).notNull(),
    profile: text('profile').notNull(),
    caCertId: text('ca_cert_id'),
    serialHex: text('serial_hex').notNull(),
    subjectDn: text('subject_dn').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    sha256: text('sha256').notNull(),
    certPem: text('cert_pem').notNull(),
    chainPem: text('chain_pem'),
    keySource: text('key_source', { enum: ['browser', 'csr'] }).notNull(),
    keyAlgorithm: text('key_algorithm'),
    agreementVersion: text('agreement_version').notNull(),
    agreementAcceptedAt: ts('agreement_accepted_at').notNull(),
    receiptNumber: text('receipt_number').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull().default('active'),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
    renewedById: uuid('renewed_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cert_certificates_serial_uq').on(t.tenantId, t.serialHex),
    index('cert_certificates_holder_idx').on(t.tenantId, t.holderUserId),
    index('cert_certificates_opd_idx').on(t.tenantId, t.opdId, t.notBefore),
  ],
);

/** A revocation request or decision, incl. lost/compromised key reports and incident reports (K9, I2). */
export const certRevocations = pgTable(
  'cert_revocations',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    certificateId: uuid('certificate_id').notNull().references(() => certCertificates.id),
    source: text('source', { enum: ['holder', 'evaluation'] }).notNull(),
    reason: text('reason').notNull(),
    details: text('details').notNull(),
    statementFileId: uuid('statement_file_id'),
    status: text('status', { enum: ['requested', 'revoked', 'rejected'] }).notNull(),
    requestedBy: uuid('requested_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    reportedToHeadAt: ts('reported_to_head_at'),
    reportedToBssnAt: ts('reported_to_bssn_at'),
    bssnReference: text('bssn_reference'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cert_revocations_tenant_idx').on(t.tenantId, t.status, t.createdAt)],
);

/** Problems and complaints of holders, incl. about an RA operator (K11, K12). */
export const certComplaints = pgTable(
  'cert_complaints',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    number: text('number').notNull(),
    category: text('category', { enum: ['authentication', 'authenticity', 'repudiation', 'technical', 'operator', 'other'] }).notNull(),
    certificateId: uuid('certificate_id'),
    aboutOperatorUserId: uuid('about_operator_user_id'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    raisedBy: uuid('raised_by').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'escalated', 'resolved', 'closed'] }).notNull().default('open'),
    response: text('response'),
    providerReference: text('provider_reference'),
    escalatedAt: ts('escalated_at'),
    handledBy: uuid('handled_by'),
    resolvedAt: ts('resolved_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cert_complaints_tenant_idx').on(t.tenantId, t.status, t.createdAt)],
);

/** The Pemda's agreement with the certificate provider (BSrE by default), K1 / MDN-30 P3, P5. */
export const certProviderAgreements = pgTable(
  'cert_provider_agreements',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    provider: text('provider').notNull(),
    agreementNumber: text('agreement_number').notNull(),
    signedOn: date('signed_on').notNull(),
    validUntil: date('valid_until'),
    notes: text('notes'),
    /** The signed agreement (scan/PDF), stored encrypted. */
    fileId: uuid('file_id').references(() => files.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('cert_provider_agreements_tenant_idx').on(t.tenantId)],
);

/** The yearly supervision and evaluation report to the head of region and BSSN via BSrE (K13, P23). */
export const certEvaluations = pgTable(
  'cert_evaluations',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    year: integer('year').notNull(),
    letterNumber: text('letter_number').notNull(),
    reportedToHeadAt: date('reported_to_head_at'),
    reportedToBssnAt: date('reported_to_bssn_at'),
    summary: text('summary'),
    figures: jsonb('figures'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cert_evaluations_year_uq').on(t.tenantId, t.year)],
);
