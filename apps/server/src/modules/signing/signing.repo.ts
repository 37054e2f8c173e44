import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { signingRequests, signingSigners, signingTrustedRoots } from '../../db/schema/signing.js';
import { users } from '../../db/schema/access.js';
import { people } from '../../db/schema/org.js';
import { tenants } from '../../db/schema/org.js';

export type RequestRow = typeof signingRequests.$inferSelect;
export type SignerRow = typeof signingSigners.$inferSelect;

export const insertRequest = async (db: DbOrTx, v: typeof signingRequests.$inferInsert) => (await db.insert(signingRequests).values(v).returning())[0];
export const insertSigners = (db: DbOrTx, v: (typeof signingSigners.$inferInsert)[]) => db.insert(signingSigners).values(v).returning();

export const getRequest = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(signingRequests).where(and(eq(signingRequests.tenantId, tenantId), eq(signingRequests.id, id), isNull(signingRequests.deletedAt))))[0];

/** Public lookup by id for the QR link (no tenant known). */
export const getRequestPublic = async (db: DbOrTx, id: string) =>
  (
    await db
      .select({ r: signingRequests, tenantName: tenants.name })
      .from(signingRequests)
      .innerJoin(tenants, eq(tenants.id, signingRequests.tenantId))
      .where(and(eq(signingRequests.id, id), isNull(signingRequests.deletedAt)))
  )[0];

export const findBySha = async (db: DbOrTx, sha: string) =>
  (
    await db
      .select({ r: signingRequests, tenantName: tenants.name })
      .from(signingRequests)
      .innerJoin(tenants, eq(tenants.id, signingRequests.tenantId))
      .where(and(eq(signingRequests.currentSha256, sha), isNull(signingRequests.deletedAt)))
      .limit(1)
  )[0];

export const signersOf = (db: DbOrTx, tenantId: string, requestIds: string[]) =>
  requestIds.length
    ? db.select().from(signingSigners).where(and(eq(signingSigners.tenantId, tenantId), inArray(signingSigners.requestId, requestIds))).orderBy(asc(signingSigners.seq))
    : Promise.resolve([] as SignerRow[]);

export async function listForUser(db: DbOrTx, tenantId: string, userId: string, q: { page: number; pageSize: number; q?: string; box: 'all' | 'todo' | 'mine'; status?: string }) {
  const mineSigner = sql`exists (select 1 from signing_signers s where s.request_id = ${signingRequests.id} and s.user_id = ${userId})`;
  const myTurn = sql`exists (select 1 from signing_signers s where s.request_id = ${signingRequests.id} and s.user_id = ${userId} and s.status = 'pending'
    and s.seq = (select min(s2.seq) from signing_signers s2 where s2.request_id = ${signingRequests.id} and s2.status = 'pending'))`;
  const where = and(
    eq(signingRequests.tenantId, tenantId),
    isNull(signingRequests.deletedAt),
    q.box === 'mine' ? eq(signingRequests.createdBy, userId) : q.box === 'todo' ? and(myTurn, eq(signingRequests.status, 'in_progress')) : or(eq(signingRequests.createdBy, userId), mineSigner),
    q.status ? eq(signingRequests.status, q.status as RequestRow['status']) : undefined,
    q.q ? or(ilike(signingRequests.title, `%${q.q}%`), ilike(signingRequests.docNumber, `%${q.q}%`)) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ r: signingRequests, createdByName: users.displayName })
      .from(signingRequests)
      .leftJoin(users, eq(users.id, signingRequests.createdBy))
      .where(where)
      .orderBy(desc(signingRequests.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(signingRequests).where(where),
  ]);
  return { items, total };
}

export const userName = async (db: DbOrTx, tenantId: string, userId: string) =>
  (await db.select({ name: users.displayName }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId))))[0]?.name ?? null;

/** Users of the tenant with their person record (name, NIP) for the signer list. */
export const signerCandidates = (db: DbOrTx, tenantId: string, ids?: string[], q?: string) =>
  db
    .select({ id: users.id, displayName: users.displayName, email: users.email, passwordHash: users.passwordHash, fullName: people.fullName, frontTitle: people.frontTitle, backTitle: people.backTitle, nip: people.nip })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(and(eq(users.tenantId, tenantId), eq(users.active, true), ids ? inArray(users.id, ids) : undefined, q ? or(ilike(users.displayName, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined))
    .orderBy(asc(users.displayName))
    .limit(50);

export const updateSigner = async (db: DbOrTx, tenantId: string, id: string, v: Partial<typeof signingSigners.$inferInsert>) =>
  (await db.update(signingSigners).set(v).where(and(eq(signingSigners.tenantId, tenantId), eq(signingSigners.id, id))).returning())[0];

export const updateRequest = async (db: DbOrTx, tenantId: string, id: string, v: Partial<typeof signingRequests.$inferInsert>) =>
  (await db.update(signingRequests).set({ ...v, updatedAt: new Date() }).where(and(eq(signingRequests.tenantId, tenantId), eq(signingRequests.id, id))).returning())[0];

/** Completed requests of a year, for the evidence check. */
export const completedInYear = (db: DbOrTx, tenantId: string, year: number) =>
  db
    .select()
    .from(signingRequests)
    .where(
      and(
        eq(signingRequests.tenantId, tenantId),
        isNull(signingRequests.deletedAt),
        eq(signingRequests.status, 'completed'),
        sql`extract(year from ${signingRequests.completedAt} at time zone 'Asia/Jakarta') = ${year}`,
      ),
    )
    .orderBy(desc(signingRequests.completedAt))
    .limit(200);

export const allTenantIds = async (db: DbOrTx) => (await db.select({ id: tenants.id }).from(tenants)).map((r) => r.id);

/** Moves a request to a new file only if nobody else did since `expectedSha` (two tabs signing at once). */
export const advanceRequest = async (db: DbOrTx, tenantId: string, id: string, expectedSha: string, v: Partial<typeof signingRequests.$inferInsert>) =>
  (
    await db
      .update(signingRequests)
      .set({ ...v, updatedAt: new Date() })
      .where(and(eq(signingRequests.tenantId, tenantId), eq(signingRequests.id, id), eq(signingRequests.currentSha256, expectedSha), eq(signingRequests.status, 'in_progress')))
      .returning()
  )[0];

// ---------- trusted roots (K15) ----------
export type TrustedRootRow = typeof signingTrustedRoots.$inferSelect;

export const listTrustedRoots = (db: DbOrTx, tenantId: string) =>
  db
    .select({ r: signingTrustedRoots, createdByName: users.displayName })
    .from(signingTrustedRoots)
    .leftJoin(users, eq(users.id, signingTrustedRoots.createdBy))
    .where(eq(signingTrustedRoots.tenantId, tenantId))
    .orderBy(asc(signingTrustedRoots.subject), asc(signingTrustedRoots.createdAt));

export const enabledTrustedRootPems = async (db: DbOrTx, tenantId: string) =>
  (await db.select({ pem: signingTrustedRoots.certificatePem }).from(signingTrustedRoots).where(and(eq(signingTrustedRoots.tenantId, tenantId), eq(signingTrustedRoots.enabled, true)))).map((r) => r.pem);

export const getTrustedRoot = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(signingTrustedRoots).where(and(eq(signingTrustedRoots.tenantId, tenantId), eq(signingTrustedRoots.id, id))))[0];

export const trustedRootByFingerprint = async (db: DbOrTx, tenantId: string, fp: string) =>
  (await db.select().from(signingTrustedRoots).where(and(eq(signingTrustedRoots.tenantId, tenantId), eq(signingTrustedRoots.fingerprintSha256, fp))))[0];

export const insertTrustedRoot = async (db: DbOrTx, v: typeof signingTrustedRoots.$inferInsert) => (await db.insert(signingTrustedRoots).values(v).returning())[0];

export const updateTrustedRoot = async (db: DbOrTx, tenantId: string, id: string, v: Partial<typeof signingTrustedRoots.$inferInsert>) =>
  (await db.update(signingTrustedRoots).set({ ...v, updatedAt: new Date() }).where(and(eq(signingTrustedRoots.tenantId, tenantId), eq(signingTrustedRoots.id, id))).returning())[0];

export const deleteTrustedRoot = (db: DbOrTx, tenantId: string, id: string) =>
  db.delete(signingTrustedRoots).where(and(eq(signingTrustedRoots.tenantId, tenantId), eq(signingTrustedRoots.id, id)));

export const tenantIdBySlug = async (db: DbOrTx, slug: string) => (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)))[0]?.id ?? null;

/** Signatures made in a year (Asia/Jakarta) per OPD of the signer's person record (K13). */
export async function signatureCountsByOpd(db: DbOrTx, tenantId: string, year: number) {
  const rows = await db
    .select({ opdId: people.opdId, n: count() })
    .from(signingSigners)
    .innerJoin(users, eq(users.id, signingSigners.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(signingSigners.tenantId, tenantId),
        eq(signingSigners.status, 'signed'),
        sql`extract(year from ${signingSigners.signedAt} at time zone 'Asia/Jakarta') = ${year}`,
      ),
    )
    .groupBy(people.opdId);
  return new Map(rows.map((r) => [r.opdId, Number(r.n)]));
}
