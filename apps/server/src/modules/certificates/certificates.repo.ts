import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import {
  opds,
  people,
  tenants,
  users,
} from '../../db/schema/index.js';

/** Every query is tenant-scoped; OPD scoping comes from the service. Queries per sub-area live in their own repo files. */
export type { OpdFilter, AppRow, CertRow } from './certificates.repo-common.js';
export * from './applications.repo.js';
export * from './cert-records.repo.js';
export * from './needs.repo.js';
export * from './operators.repo.js';
export * from './revocations.repo.js';
export * from './complaints.repo.js';
export * from './statistics.repo.js';

// Lookups
export const getTenant = async (db: DbOrTx, tenantId: string) => (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0];
export const getUserWithPerson = async (db: DbOrTx, tenantId: string, userId: string) =>
  (
    await db
      .select({ user: users, person: people })
      .from(users)
      .leftJoin(people, eq(people.id, users.personId))
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
  )[0];
export const opdExists = async (db: DbOrTx, tenantId: string, opdId: string) =>
  (
    await db
      .select({ id: opds.id })
      .from(opds)
      .where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId), isNull(opds.deletedAt)))
  ).length > 0;
export const getOpd = async (db: DbOrTx, tenantId: string, opdId: string) =>
  (
    await db
      .select()
      .from(opds)
      .where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId)))
  )[0];
export const listOpds = (db: DbOrTx, tenantId: string) =>
  db
    .select({ id: opds.id, name: opds.name, code: opds.code })
    .from(opds)
    .where(and(eq(opds.tenantId, tenantId), isNull(opds.deletedAt)))
    .orderBy(opds.code);
/** Users holding a permission tenant-wide (for notifying RA operators and the Dinas). */
export async function usersWithPermission(db: DbOrTx, tenantId: string, perm: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select distinct u.id from users u
      join user_roles ur on ur.user_id = u.id
      join role_permissions rp on rp.role_id = ur.role_id
      where u.tenant_id = ${tenantId} and u.active and rp.permission = ${perm} and ur.opd_id is null`),
  );
  return rows.map((r) => r.id);
}

export async function nextNumber(db: DbOrTx, tenantId: string, prefix: string, table: 'cert_applications' | 'cert_complaints', year: number) {
  const like = `${prefix}/${year}/%`;
  const rows = rowsOf<{ n: number }>(
    await db.execute(
      sql`select coalesce(max(split_part(number, '/', 3)::int), 0)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId} and number like ${like}`,
    ),
  );
  return `${prefix}/${year}/${String(rows[0].n + 1).padStart(4, '0')}`;
}
