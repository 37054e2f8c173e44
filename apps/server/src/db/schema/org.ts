import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, updatedAt } from './columns.js';

/** A tenant is one Pemda (requirement A1). */
export const tenants = pgTable('tenants', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  level: text('level', { enum: ['provinsi', 'kabupaten', 'kota'] }).notNull(),
  provinceName: text('province_name'),
  parentTenantId: uuid('parent_tenant_id'),
  headTitle: text('head_title'),
  headName: text('head_name'),
  deputyName: text('deputy_name'),
  sekdaName: text('sekda_name'),
  dinasName: text('dinas_name'),
  domain: text('domain').notNull(),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  logoFileId: uuid('logo_file_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Perangkat Daerah (A2). */
export const opds = pgTable(
  'opds',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull().default('dinas'),
    isPersandianDinas: boolean('is_persandian_dinas').notNull().default(false),
    address: text('address'),
    email: text('email'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('opds_tenant_code_uq').on(t.tenantId, t.code).where(sql`${t.deletedAt} is null`),
    index('opds_tenant_name_idx').on(t.tenantId, t.name),
  ],
);

/** Units inside an OPD (bidang, seksi …), a tree via parent_id. */
export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('bidang'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('units_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** People: ASN by NIP, others by NIK (A3). */
export const people = pgTable(
  'people',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    unitId: uuid('unit_id').references(() => units.id),
    fullName: text('full_name').notNull(),
    frontTitle: text('front_title'),
    backTitle: text('back_title'),
    kind: text('kind', { enum: ['asn', 'pppk', 'non_asn'] }).notNull(),
    nip: text('nip'),
    nik: text('nik'),
    email: text('email').notNull(),
    phone: text('phone'),
    rank: text('rank'),
    birthDate: date('birth_date'),
    sex: text('sex', { enum: ['L', 'P'] }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('people_tenant_nip_uq').on(t.tenantId, t.nip).where(sql`${t.nip} is not null and ${t.deletedAt} is null`),
    uniqueIndex('people_tenant_email_uq').on(t.tenantId, t.email).where(sql`${t.deletedAt} is null`),
    index('people_tenant_opd_idx').on(t.tenantId, t.opdId, t.fullName),
    index('people_tenant_name_idx').on(t.tenantId, t.fullName),
  ],
);

/** Positions (jabatan) (A2). */
export const positions = pgTable(
  'positions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('struktural'),
    isHead: boolean('is_head').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('positions_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Who holds a position, with history (definitive or acting — Plt). */
export const positionHolders = pgTable(
  'position_holders',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    positionId: uuid('position_id').notNull().references(() => positions.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    acting: boolean('acting').notNull().default(false),
    decreeNumber: text('decree_number'),
    createdAt: createdAt(),
  },
  (t) => [
    index('position_holders_pos_idx').on(t.tenantId, t.positionId),
    uniqueIndex('position_holders_current_uq').on(t.positionId).where(sql`${t.endDate} is null`),
    // "current position of this person", asked for every row of the people list
    index('position_holders_person_idx').on(t.personId).where(sql`${t.endDate} is null`),
  ],
);

