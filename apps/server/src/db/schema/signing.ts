import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, ts, updatedAt } from './columns.js';
import { tenants } from './org.js';
import { users } from './access.js';

/** A document to be signed electronically by holders in a fixed order (K15). */
export const signingRequests = pgTable(
  'signing_requests',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    fileName: text('file_name').notNull(),
    originalKey: text('original_key').notNull(),
    originalSha256: text('original_sha256').notNull(),
    currentKey: text('current_key').notNull(),
    currentSha256: text('current_sha256').notNull(),
    currentSize: integer('current_size').notNull(),
    status: text('status', { enum: ['in_progress', 'completed', 'cancelled'] }).notNull().default('in_progress'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    completedAt: ts('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('signing_requests_tenant_idx').on(t.tenantId, t.createdAt)],
);

/** One signer of a request, in order; holds the prepared (not yet signed) state between the two steps. */
export const signingSigners = pgTable(
  'signing_signers',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    requestId: uuid('request_id').notNull().references(() => signingRequests.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    displayName: text('display_name').notNull(),
    nip: text('nip'),
    position: text('position'),
    status: text('status', { enum: ['pending', 'signed'] }).notNull().default('pending'),
    fieldName: text('field_name').notNull(),
    preparedAt: ts('prepared_at'),
    preparedSigningTime: ts('prepared_signing_time'),
    preparedDigest: text('prepared_digest'),
    preparedSourceSha256: text('prepared_source_sha256'),
    certificatePem: text('certificate_pem'),
    certSerial: text('cert_serial'),
    certSubject: text('cert_subject'),
    signedAt: ts('signed_at'),
    timestamped: boolean('timestamped').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('signing_signers_order_uq').on(t.requestId, t.seq),
    index('signing_signers_user_idx').on(t.tenantId, t.userId, t.status),
  ],
);

/**
 * A CA certificate a Pemda trusts for signature verification besides its own CA and the
 * installation's configured roots (e.g. BSrE's root), managed in the UI (K15).
 */
export const signingTrustedRoots = pgTable(
  'signing_trusted_roots',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    fingerprintSha256: text('fingerprint_sha256').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('signing_trusted_roots_fp_uq').on(t.tenantId, t.fingerprintSha256)],
);
