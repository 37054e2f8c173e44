import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { TRegulationDoc } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import {
  complianceAttestations,
  regulationArticles,
  regulationBindings,
  regulationClauses,
  regulationObligations,
  regulations,
} from '../../db/schema/index.js';
import { likeText } from '../../platform/http/paging.js';

export type RegulationRow = typeof regulations.$inferSelect;
export type ArticleRow = typeof regulationArticles.$inferSelect;
export type ClauseRow = typeof regulationClauses.$inferSelect;
export type ObligationRow = typeof regulationObligations.$inferSelect;
export type AttestationRow = typeof complianceAttestations.$inferSelect;

/** Rows a tenant may read: the shared library (tenant_id NULL) and its own. */
const visible = (tenantId: string) => or(isNull(regulations.tenantId), eq(regulations.tenantId, tenantId));

const articleCount = sql<number>`(select count(*)::int from ${regulationArticles} a where a.regulation_id = "regulations"."id")`;
const obligationCount = sql<number>`(select count(*)::int from ${regulationObligations} o where o.regulation_id = "regulations"."id")`;
const boundExpr = (tenantId: string) =>
  sql<boolean>`exists (select 1 from ${regulationBindings} b where b.regulation_id = "regulations"."id" and b.tenant_id = ${tenantId})`;

export type RegulationListRow = { reg: RegulationRow; articleCount: number; obligationCount: number; bound: boolean };

export async function listRegulations(
  db: DbOrTx,
  tenantId: string,
  q: { page: number; pageSize: number; q?: string; kind?: string; status?: string; bound?: 'true' | 'false'; allVersions?: 'true' | 'false'; sort?: string; dir: 'asc' | 'desc' },
) {
  const bound = boundExpr(tenantId);
  const where = and(
    visible(tenantId),
    isNull(regulations.deletedAt),
    q.q ? or(ilike(regulations.title, likeText(q.q)), ilike(regulations.code, likeText(q.q)), ilike(regulations.issuer, likeText(q.q)), ilike(regulations.number, likeText(q.q))) : undefined,
    q.kind ? eq(regulations.kind, q.kind) : undefined,
    q.status ? eq(regulations.status, q.status) : undefined,
    q.bound === 'true' ? bound : q.bound === 'false' ? sql`not ${bound}` : undefined,
    q.allVersions === 'true' ? undefined : sql`${regulations.status} <> 'diganti'`,
  );
  const sortCol = { code: regulations.code, year: regulations.year, title: regulations.title, kind: regulations.kind, updatedAt: regulations.updatedAt }[q.sort ?? 'code'] ?? regulations.code;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ reg: regulations, articleCount, obligationCount, bound })
      .from(regulations)
      .where(where)
      .orderBy(q.dir === 'desc' ? desc(sortCol) : asc(sortCol), desc(regulations.version))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(regulations).where(where),
  ]);
  return { items: items as RegulationListRow[], total };
}

export async function getRegulation(db: DbOrTx, tenantId: string, id: string): Promise<RegulationListRow | undefined> {
  const [row] = await db
    .select({ reg: regulations, articleCount, obligationCount, bound: boundExpr(tenantId) })
    .from(regulations)
    .where(and(eq(regulations.id, id), visible(tenantId), isNull(regulations.deletedAt)));
  return row as RegulationListRow | undefined;
}

export const versionsOf = (db: DbOrTx, tenantId: string, reg: RegulationRow) =>
  db
    .select({ id: regulations.id, version: regulations.version, status: regulations.status, effectiveDate: regulations.effectiveDate })
    .from(regulations)
    .where(
      and(
        eq(regulations.code, reg.code),
        reg.tenantId ? eq(regulations.tenantId, tenantId) : isNull(regulations.tenantId),
        isNull(regulations.deletedAt),
      ),
    )
    .orderBy(desc(regulations.version));

export const articlesOf = (db: DbOrTx, regulationId: string) =>
  db.select().from(regulationArticles).where(eq(regulationArticles.regulationId, regulationId)).orderBy(asc(regulationArticles.ord));

export async function clausesOf(db: DbOrTx, articleIds: string[]) {
  if (!articleIds.length) return [];
  return db.select().from(regulationClauses).where(inArray(regulationClauses.articleId, articleIds)).orderBy(asc(regulationClauses.articleId), asc(regulationClauses.ord));
}

export const obligationsOf = (db: DbOrTx, regulationIds: string[]) =>
  regulationIds.length
    ? db.select().from(regulationObligations).where(inArray(regulationObligations.regulationId, regulationIds)).orderBy(asc(regulationObligations.ord))
    : Promise.resolve([] as ObligationRow[]);

/** The obligation with its regulation, if the tenant may see it. */
export async function getObligation(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({ obligation: regulationObligations, reg: regulations })
    .from(regulationObligations)
    .innerJoin(regulations, eq(regulations.id, regulationObligations.regulationId))
    .where(and(eq(regulationObligations.id, id), visible(tenantId), isNull(regulations.deletedAt)));
  return row;
}

export type ObligationOptionRow = { obligation: ObligationRow; reg: RegulationRow; article: string | null };

/**
 * Obligations a tenant may link to (a picker): current, visible regulations, those the tenant is
 * bound to first; `q` matches the regulation code/title, the Pasal number or the obligation text.
 */
export async function obligationOptions(db: DbOrTx, tenantId: string, q: { q?: string; id?: string; limit: number }) {
  const rows = await db
    .select({ obligation: regulationObligations, reg: regulations, article: regulationArticles.number })
    .from(regulationObligations)
    .innerJoin(regulations, eq(regulations.id, regulationObligations.regulationId))
    .leftJoin(regulationArticles, eq(regulationArticles.id, regulationObligations.articleId))
    .where(
      and(
        visible(tenantId),
        isNull(regulations.deletedAt),
        sql`${regulations.status} <> 'diganti'`,
        q.id ? eq(regulationObligations.id, q.id) : undefined,
        q.q
          ? or(
              ilike(regulations.code, likeText(q.q)),
              ilike(regulations.title, likeText(q.q)),
              ilike(regulationObligations.text, likeText(q.q)),
              ilike(sql`'pasal ' || ${regulationArticles.number}`, likeText(q.q)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(boundExpr(tenantId)), asc(regulations.code), asc(regulationObligations.ord))
    .limit(q.limit);
  return rows as ObligationOptionRow[];
}

/** Regulations the tenant is bound to (current versions). */
export async function boundRegulations(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select({ reg: regulations, articleCount, obligationCount, bound: sql<boolean>`true` })
    .from(regulationBindings)
    .innerJoin(regulations, eq(regulations.id, regulationBindings.regulationId))
    .where(and(eq(regulationBindings.tenantId, tenantId), visible(tenantId), isNull(regulations.deletedAt)))
    .orderBy(asc(regulations.code));
  return rows as RegulationListRow[];
}

export const binding = async (db: DbOrTx, tenantId: string, regulationId: string) =>
  (await db.select().from(regulationBindings).where(and(eq(regulationBindings.tenantId, tenantId), eq(regulationBindings.regulationId, regulationId))))[0];
export const insertBinding = async (db: DbOrTx, row: typeof regulationBindings.$inferInsert) =>
  (await db.insert(regulationBindings).values(row).onConflictDoNothing().returning())[0];
export const deleteBinding = (db: DbOrTx, tenantId: string, regulationId: string) =>
  db.delete(regulationBindings).where(and(eq(regulationBindings.tenantId, tenantId), eq(regulationBindings.regulationId, regulationId))).returning();
export const moveBinding = (db: DbOrTx, tenantId: string, fromId: string, toId: string) =>
  db.update(regulationBindings).set({ regulationId: toId }).where(and(eq(regulationBindings.tenantId, tenantId), eq(regulationBindings.regulationId, fromId)));

/** Latest version of a code in a scope (tenant or shared). */
export async function latestByCode(db: DbOrTx, tenantId: string | null, code: string) {
  const [row] = await db
    .select()
    .from(regulations)
    .where(and(eq(regulations.code, code), tenantId ? eq(regulations.tenantId, tenantId) : isNull(regulations.tenantId), isNull(regulations.deletedAt)))
    .orderBy(desc(regulations.version))
    .limit(1);
  return row;
}
export const sharedCodeExists = async (db: DbOrTx, code: string) =>
  (await db.select({ id: regulations.id }).from(regulations).where(and(eq(regulations.code, code), isNull(regulations.tenantId))).limit(1)).length > 0;
export const setStatus = async (db: DbOrTx, id: string, status: string) =>
  (await db.update(regulations).set({ status, updatedAt: new Date() }).where(eq(regulations.id, id)).returning())[0];

/** Writes a whole document: the regulation, its articles and clauses in order, and obligations. */
export async function insertDoc(db: DbOrTx, tenantId: string | null, doc: TRegulationDoc, supersedesId: string | null) {
  const [reg] = await db
    .insert(regulations)
    .values({
      tenantId,
      code: doc.code,
      kind: doc.kind,
      issuer: doc.issuer,
      region: doc.region ?? null,
      number: doc.number,
      year: doc.year,
      title: doc.title,
      status: doc.status,
      version: doc.version,
      effectiveDate: doc.effectiveDate ?? null,
      considerations: doc.considerations,
      legalBasis: doc.legalBasis,
      supersedesId,
    })
    .returning();
  const arts = await db
    .insert(regulationArticles)
    .values(doc.articles.map((a, i) => ({ tenantId, regulationId: reg.id, ord: i + 1, number: a.number, chapter: a.chapter ?? null, section: a.section ?? null, heading: a.heading ?? null })))
    .returning({ id: regulationArticles.id, number: regulationArticles.number });
  const artId = new Map(arts.map((a) => [a.number, a.id]));
  const clauses = doc.articles.flatMap((a) =>
    a.clauses.map((c, j) => ({ tenantId, articleId: artId.get(a.number)!, ord: j + 1, ayat: c.ayat ?? null, huruf: c.huruf ?? null, angka: c.angka ?? null, text: c.text })),
  );
  for (let i = 0; i < clauses.length; i += 500) await db.insert(regulationClauses).values(clauses.slice(i, i + 500));
  if (doc.obligations.length)
    await db.insert(regulationObligations).values(
      doc.obligations.map((o, i) => ({
        tenantId,
        regulationId: reg.id,
        articleId: o.article ? (artId.get(o.article) ?? null) : null,
        ord: i + 1,
        ref: o.ref ?? null,
        text: o.text,
        bearer: o.bearer,
        frequency: o.frequency,
        requirementIds: o.requirements,
        evidenceKey: o.evidence ?? null,
      })),
    );
  return reg;
}

// ---- attestations ----
export const attestationsFor = (db: DbOrTx, tenantId: string, obligationIds: string[]) =>
  obligationIds.length
    ? db
        .select()
        .from(complianceAttestations)
        .where(and(eq(complianceAttestations.tenantId, tenantId), inArray(complianceAttestations.obligationId, obligationIds)))
        .orderBy(desc(complianceAttestations.createdAt))
    : Promise.resolve([] as AttestationRow[]);
export const getAttestation = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(complianceAttestations).where(and(eq(complianceAttestations.tenantId, tenantId), eq(complianceAttestations.id, id))))[0];
export const insertAttestation = async (db: DbOrTx, row: typeof complianceAttestations.$inferInsert) =>
  (await db.insert(complianceAttestations).values(row).returning())[0];
export const revokeAttestation = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.update(complianceAttestations).set({ revokedAt: new Date() }).where(and(eq(complianceAttestations.tenantId, tenantId), eq(complianceAttestations.id, id))).returning())[0];

export async function fileNames(db: DbOrTx, tenantId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.execute(sql`select id, name from files where tenant_id = ${tenantId} and id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
  return new Map((rows as unknown as { rows: { id: string; name: string }[] }).rows.map((r) => [r.id, r.name]));
}

export type { SQL };
