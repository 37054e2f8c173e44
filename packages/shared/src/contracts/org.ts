import { z } from 'zod';
import { parseNik, parseNip } from '../identity-numbers.js';

/** Message keys are used as zod messages; the API and the web translate them (messages.ts). */
export const ZNip = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = parseNip(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

export const ZNik = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = parseNik(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));

export const tenantLevels = ['provinsi', 'kabupaten', 'kota'] as const;

export const ZTenantProfileInput = z.object({
  name: z.string().trim().min(3).max(200),
  level: z.enum(tenantLevels),
  provinceName: optionalText(),
  parentTenantId: z.uuid().nullish(),
  headTitle: optionalText(50),
  headName: optionalText(),
  deputyName: optionalText(),
  sekdaName: optionalText(),
  dinasName: optionalText(),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
  address: optionalText(500),
  phone: optionalText(50),
  email: z.email().nullish(),
});
export type TTenantProfileInput = z.infer<typeof ZTenantProfileInput>;

const nullableText = z.string().nullable();
const opdKinds = ['sekretariat', 'dinas', 'badan', 'kecamatan', 'kelurahan', 'inspektorat', 'rsud', 'lainnya'] as const;
const unitKinds = ['sekretariat', 'bidang', 'bagian', 'seksi', 'subbagian', 'upt', 'lainnya'] as const;
const positionKinds = ['struktural', 'fungsional', 'pelaksana'] as const;

/** Output schemas carry no transforms: they also serialize API responses. */
export const ZTenant = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  level: z.enum(tenantLevels),
  provinceName: nullableText,
  parentTenantId: z.uuid().nullable(),
  headTitle: nullableText,
  headName: nullableText,
  deputyName: nullableText,
  sekdaName: nullableText,
  dinasName: nullableText,
  domain: z.string(),
  address: nullableText,
  phone: nullableText,
  email: nullableText,
  logoFileId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type TTenant = z.infer<typeof ZTenant>;

export const ZOpdInput = z.object({
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(3).max(200),
  shortName: optionalText(50),
  kind: z.enum(opdKinds).default('dinas'),
  isPersandianDinas: z.boolean().default(false),
  address: optionalText(500),
  email: z.email().nullish(),
});
export type TOpdInput = z.infer<typeof ZOpdInput>;
export const ZOpd = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: nullableText,
  kind: z.enum(opdKinds),
  isPersandianDinas: z.boolean(),
  address: nullableText,
  email: nullableText,
  headName: z.string().nullable(),
  unitCount: z.number().int(),
  peopleCount: z.number().int(),
  deletedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TOpd = z.infer<typeof ZOpd>;

export const ZUnitInput = z.object({
  opdId: z.uuid(),
  parentId: z.uuid().nullish(),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(unitKinds).default('bidang'),
});
export type TUnitInput = z.infer<typeof ZUnitInput>;
export const ZUnit = z.object({
  id: z.uuid(),
  opdId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(unitKinds),
  deletedAt: z.string().nullable(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZPositionInput = z.object({
  opdId: z.uuid(),
  unitId: z.uuid().nullish(),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(positionKinds).default('struktural'),
  isHead: z.boolean().default(false),
});
export type TPositionInput = z.infer<typeof ZPositionInput>;
export const ZPosition = z.object({
  id: z.uuid(),
  opdId: z.uuid(),
  unitId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(positionKinds),
  isHead: z.boolean(),
  holderPersonId: z.uuid().nullable(),
  holderName: z.string().nullable(),
  holderSince: z.string().nullable(),
  holderActing: z.boolean(),
  deletedAt: z.string().nullable(),
});
export type TPosition = z.infer<typeof ZPosition>;

export const ZAssignHolderInput = z.object({
  personId: z.uuid().nullable(),
  startDate: z.iso.date(),
  acting: z.boolean().default(false),
  decreeNumber: optionalText(100),
});
export type TAssignHolderInput = z.infer<typeof ZAssignHolderInput>;

export const ZPersonInput = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    frontTitle: optionalText(50),
    backTitle: optionalText(50),
    kind: z.enum(['asn', 'pppk', 'non_asn']).default('asn'),
    nip: ZNip.nullish().or(z.literal('').transform(() => null)),
    nik: ZNik.nullish().or(z.literal('').transform(() => null)),
    email: z.email().trim().toLowerCase(),
    phone: optionalText(30),
    opdId: z.uuid(),
    unitId: z.uuid().nullish(),
    rank: optionalText(100),
  })
  .superRefine((p, ctx) => {
    if ((p.kind === 'asn' || p.kind === 'pppk') && !p.nip) ctx.addIssue({ code: 'custom', path: ['nip'], message: 'person.id_required' });
    if (p.kind === 'non_asn' && !p.nik) ctx.addIssue({ code: 'custom', path: ['nik'], message: 'person.id_required' });
  });
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZPerson = z.object({
  id: z.uuid(),
  fullName: z.string(),
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  kind: z.enum(['asn', 'pppk', 'non_asn']),
  nip: z.string().nullable(),
  nik: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
  opdId: z.uuid(),
  opdName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  rank: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  positionName: z.string().nullable(),
  hasUser: z.boolean(),
  deletedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TPerson = z.infer<typeof ZPerson>;
