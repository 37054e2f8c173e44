import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt } from './columns.js';
import { tenants } from './org.js';

/** Raw DER bytes (certificates, CRLs). */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (v) => Buffer.from(v),
  fromDriver: (v) => new Uint8Array(v as Buffer),
});

/**
 * The keyed certificates of a tenant's own CA (K14): root, issuing CA, delegated OCSP signer,
 * timestamp unit. The private key is kept by a CaKeyStore (software: sealed PKCS#8).
 */
export const pkiCaKeys = pgTable(
  'pki_ca_keys',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    kind: text('kind', { enum: ['root', 'issuing', 'ocsp', 'tsa'] }).notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    subjectDn: text('subject_dn').notNull(),
    serialHex: text('serial_hex').notNull(),
    certDer: bytea('cert_der').notNull(),
    keyAlgorithm: text('key_algorithm').notNull(),
    keyStore: text('key_store').notNull().default('software'),
    keyRef: text('key_ref').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('pki_ca_keys_active_uq').on(t.tenantId, t.kind).where(sql`status = 'active'`)],
);

/** Every certificate the embedded CA issued (K3, K4, K9): status drives CRL and OCSP. */
export const pkiCertificates = pgTable(
  'pki_certificates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    issuerId: uuid('issuer_id').notNull(),
    serialHex: text('serial_hex').notNull(),
    profile: text('profile').notNull(),
    subjectDn: text('subject_dn').notNull(),
    commonName: text('common_name').notNull(),
    email: text('email'),
    sans: jsonb('sans').$type<{ dns?: string[]; email?: string[]; ip?: string[] }>().notNull().default({}),
    keyAlgorithm: text('key_algorithm').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    sha256: text('sha256').notNull(),
    certDer: bytea('cert_der').notNull(),
    status: text('status', { enum: ['good', 'revoked'] }).notNull().default('good'),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
    invalidityDate: ts('invalidity_date'),
    holderEntity: text('holder_entity'),
    holderId: text('holder_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('pki_certificates_serial_uq').on(t.tenantId, t.serialHex),
    index('pki_certificates_revoked_idx').on(t.tenantId, t.issuerId).where(sql`status = 'revoked'`),
    index('pki_certificates_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Issued CRLs (K9): the newest one per issuer is served. */
export const pkiCrls = pgTable(
  'pki_crls',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    issuerId: uuid('issuer_id').notNull(),
    crlNumber: bigint('crl_number', { mode: 'number' }).notNull(),
    thisUpdate: ts('this_update').notNull(),
    nextUpdate: ts('next_update').notNull(),
    entries: integer('entries').notNull(),
    /** Latest revocation change this CRL includes: a newer one makes it stale. */
    coveredUntil: ts('covered_until'),
    der: bytea('der').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pki_crls_number_uq').on(t.tenantId, t.issuerId, t.crlNumber)],
);

/** Which issuer a tenant uses (K1: BSrE by default in law; embedded CA by default here) and its settings. */
export const pkiSettings = pgTable('pki_settings', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id),
  issuer: text('issuer', { enum: ['embedded', 'bsre', 'ejbca'] }).notNull().default('embedded'),
  externalUrl: text('external_url'),
  /** Non-secret adapter options (CA name, profile names …). */
  externalOptions: jsonb('external_options').$type<Record<string, string>>().notNull().default({}),
  /** Sealed credentials (secret-box), never returned by the API. */
  externalSecret: text('external_secret'),
  updatedAt: updatedAt(),
});
