/**
 * The shared regulation library: the seed documents shipped as YAML in ./library, loaded with the
 * same parser and writer that a Pemda's own import uses. Shared rows have tenant_id NULL and are
 * read-only for every tenant (see README.md). Loading is idempotent (code + version) and guarded
 * by an advisory lock so concurrent app instances don't race.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { complianceAttestations, regulationArticles, regulationObligations } from '../../db/schema/index.js';
import type { TRegulationDoc } from '@persada/shared';
import type { Db } from '../../db/client.js';
import { parseRegulationText } from './regulations.import.js';
import * as repo from './regulations.repo.js';

export const LIBRARY_DIR = fileURLToPath(new URL('./library/', import.meta.url));
/** Codes of the five seeds, in the order of requirements.md. */
export const SEED_CODES = ['JBI-35', 'JBI-10', 'JMB-49', 'MDN-30', 'MJK-40'] as const;

export function libraryFiles(): string[] {
  return fs
    .readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${LIBRARY_DIR}${f}`);
}

const loaded = new WeakMap<object, Promise<void>>();

/** Makes sure the shared library is in the database (once per process and database). */
export function ensureSharedLibrary(db: Db): Promise<void> {
  let p = loaded.get(db);
  if (!p) {
    p = loadSharedLibrary(db).catch((e) => {
      loaded.delete(db);
      throw e;
    });
    loaded.set(db, p);
  }
  return p;
}

export async function loadSharedLibrary(db: Db) {
  const docs = libraryFiles().map((f) => parseRegulationText(fs.readFileSync(f, 'utf8'), 'yaml'));
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('persada.regulations.library'))`);
    for (const doc of docs) {
      const latest = await repo.latestByCode(tx, null, doc.code);
      if (latest && latest.version > doc.version) continue;
      if (latest && latest.version === doc.version) {
        // Same legal version: only our encoding of its obligations may have changed.
        await syncObligations(tx, latest.id, doc);
        continue;
      }
      const reg = await repo.insertDoc(tx, null, doc, latest?.id ?? null);
      if (latest) {
        await repo.setStatus(tx, latest.id, 'diganti');
        // tenants bound to the old version follow the new one; the old stays readable
        await tx.execute(sql`update regulation_bindings set regulation_id = ${reg.id} where regulation_id = ${latest.id}`);
      }
    }
  });
}

/**
 * Brings a shipped regulation's obligations in line with the library file when the legal version
 * is unchanged (a corrected bearer, a new evidence check, an obligation we had missed). Obligations
 * are matched by article and text; ones no longer in the file are removed unless a Pemda has
 * attested them, so no evidence is lost.
 */
async function syncObligations(tx: Parameters<Parameters<Db['transaction']>[0]>[0], regulationId: string, doc: TRegulationDoc) {
  const arts = await tx
    .select({ id: regulationArticles.id, number: regulationArticles.number })
    .from(regulationArticles)
    .where(eq(regulationArticles.regulationId, regulationId));
  const artId = new Map(arts.map((a) => [a.number, a.id]));
  const existing = await tx.select().from(regulationObligations).where(and(eq(regulationObligations.regulationId, regulationId), isNull(regulationObligations.tenantId)));
  const key = (articleId: string | null, text: string) => `${articleId ?? ''}|${text}`;
  const byKey = new Map(existing.map((o) => [key(o.articleId, o.text), o]));
  const kept = new Set<string>();
  for (const [i, o] of doc.obligations.entries()) {
    const articleId = o.article ? (artId.get(o.article) ?? null) : null;
    const row = { ord: i + 1, ref: o.ref ?? null, bearer: o.bearer, frequency: o.frequency, requirementIds: o.requirements, evidenceKey: o.evidence ?? null };
    const old = byKey.get(key(articleId, o.text));
    if (old) {
      kept.add(old.id);
      const same = old.ord === row.ord && old.ref === row.ref && old.bearer === row.bearer && old.frequency === row.frequency && old.evidenceKey === row.evidenceKey && old.requirementIds.join() === row.requirementIds.join();
      if (!same) await tx.update(regulationObligations).set(row).where(eq(regulationObligations.id, old.id));
    } else {
      await tx.insert(regulationObligations).values({ tenantId: null, regulationId, articleId, text: o.text, ...row });
    }
  }
  for (const o of existing) {
    if (kept.has(o.id)) continue;
    const [used] = await tx.select({ id: complianceAttestations.id }).from(complianceAttestations).where(eq(complianceAttestations.obligationId, o.id)).limit(1);
    if (!used) await tx.delete(regulationObligations).where(eq(regulationObligations.id, o.id));
  }
}
