import type { TOpd, TPerson, TPosition, TTenant, TUnit } from '@persada/shared';
import type { opds, people, positions, tenants, units } from '../../db/schema/index.js';
import { iso } from '../../platform/http/paging.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const tenantDto = (t: Row<typeof tenants>): TTenant => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  level: t.level,
  provinceName: t.provinceName,
  parentTenantId: t.parentTenantId,
  headTitle: t.headTitle,
  headName: t.headName,
  deputyName: t.deputyName,
  sekdaName: t.sekdaName,
  dinasName: t.dinasName,
  domain: t.domain,
  address: t.address,
  phone: t.phone,
  email: t.email,
  logoFileId: t.logoFileId,
  updatedAt: t.updatedAt.toISOString(),
});

export const opdDto = (r: { opd: Row<typeof opds>; headName: string | null; unitCount: number; peopleCount: number }): TOpd => ({
  id: r.opd.id,
  code: r.opd.code,
  name: r.opd.name,
  shortName: r.opd.shortName,
  kind: r.opd.kind as TOpd['kind'],
  isPersandianDinas: r.opd.isPersandianDinas,
  address: r.opd.address,
  email: r.opd.email,
  headName: r.headName,
  unitCount: Number(r.unitCount),
  peopleCount: Number(r.peopleCount),
  deletedAt: iso(r.opd.deletedAt),
  updatedAt: r.opd.updatedAt.toISOString(),
});

export const unitDto = (u: Row<typeof units>): TUnit => ({
  id: u.id,
  opdId: u.opdId,
  parentId: u.parentId,
  name: u.name,
  kind: u.kind as TUnit['kind'],
  deletedAt: iso(u.deletedAt),
});

export const positionDto = (r: {
  position: Row<typeof positions>;
  holderPersonId: string | null;
  holderName: string | null;
  holderSince: string | null;
  holderActing: boolean | null;
}): TPosition => ({
  id: r.position.id,
  opdId: r.position.opdId,
  unitId: r.position.unitId,
  name: r.position.name,
  kind: r.position.kind as TPosition['kind'],
  isHead: r.position.isHead,
  holderPersonId: r.holderPersonId,
  holderName: r.holderName,
  holderSince: r.holderSince,
  holderActing: Boolean(r.holderActing),
  deletedAt: iso(r.position.deletedAt),
});

export const personDto = (r: { person: Row<typeof people>; opdName: string | null; positionName: string | null; hasUser: boolean }): TPerson => ({
  id: r.person.id,
  fullName: r.person.fullName,
  frontTitle: r.person.frontTitle,
  backTitle: r.person.backTitle,
  kind: r.person.kind,
  nip: r.person.nip,
  nik: r.person.nik,
  email: r.person.email,
  phone: r.person.phone,
  opdId: r.person.opdId,
  opdName: r.opdName,
  unitId: r.person.unitId,
  rank: r.person.rank,
  birthDate: r.person.birthDate,
  sex: r.person.sex,
  positionName: r.positionName,
  hasUser: Boolean(r.hasUser),
  deletedAt: iso(r.person.deletedAt),
  updatedAt: r.person.updatedAt.toISOString(),
});
