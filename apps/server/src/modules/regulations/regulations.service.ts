import type { TObligationOption, TRegArticle, TRegObligation, TRegulationDetail, TRegulationDoc, TRegulationSummary } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { ensureSharedLibrary } from './regulations.library.js';
import { parseRegulationFile } from './regulations.import.js';
import { regulationsPolicy as policy } from './regulations.policy.js';
import * as repo from './regulations.repo.js';

export function summaryDto(r: repo.RegulationListRow): TRegulationSummary {
  const g = r.reg;
  return {
    id: g.id,
    code: g.code,
    kind: g.kind,
    issuer: g.issuer,
    region: g.region,
    number: g.number,
    year: g.year,
    title: g.title,
    status: g.status,
    version: g.version,
    effectiveDate: g.effectiveDate,
    shared: g.tenantId == null,
    bound: Boolean(r.bound),
    articleCount: Number(r.articleCount),
    obligationCount: Number(r.obligationCount),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export function obligationDto(o: repo.ObligationRow, articleNumber: string | null): TRegObligation {
  return {
    id: o.id,
    articleId: o.articleId,
    article: articleNumber,
    ref: o.ref,
    text: o.text,
    bearer: o.bearer,
    frequency: o.frequency,
    requirements: o.requirementIds,
    evidenceKey: o.evidenceKey,
  };
}

export function obligationOptionDto(r: repo.ObligationOptionRow): TObligationOption {
  const head = [r.reg.code, r.article ? `Pasal ${r.article}` : null, r.obligation.ref].filter(Boolean).join(' ');
  return {
    id: r.obligation.id,
    regulationId: r.reg.id,
    regulationCode: r.reg.code,
    article: r.article,
    ref: r.obligation.ref,
    text: r.obligation.text,
    label: `${head}: ${r.obligation.text}`.slice(0, 300),
  };
}

/** The regulation library (R-REG, B10): list, read article by article, bind, import, versions. */
export class RegulationsService {
  constructor(private readonly deps: AppDeps) {}
  get db() {
    return this.deps.database.db;
  }
  ready() {
    return ensureSharedLibrary(this.db);
  }

  /** Obligations to pick from when linking a record (regulation code, Pasal, text). */
  async obligationOptions(actor: Actor, q: { q?: string; id?: string; limit: number }): Promise<TObligationOption[]> {
    policy.read(actor);
    await this.ready();
    return (await repo.obligationOptions(this.db, actor.tenantId, q)).map(obligationOptionDto);
  }

  /** An obligation the tenant may see, as a link label; null when missing (for other modules). */
  async obligationRef(db: DbOrTx, tenantId: string, id: string) {
    await this.ready();
    const found = await repo.getObligation(db, tenantId, id);
    if (!found) return null;
    const [row] = await repo.obligationOptions(db, tenantId, { id, limit: 1 });
    return row ? { label: obligationOptionDto(row).label } : null;
  }

  async list(actor: Actor, q: Parameters<typeof repo.listRegulations>[2]) {
    policy.read(actor);
    await this.ready();
    const { items, total } = await repo.listRegulations(this.db, actor.tenantId, q);
    return { items: items.map(summaryDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<TRegulationDetail> {
    policy.read(actor);
    await this.ready();
    const row = await repo.getRegulation(this.db, actor.tenantId, id);
    if (!row) throw notFound();
    const [articles, obligations, versions] = await Promise.all([
      repo.articlesOf(this.db, id),
      repo.obligationsOf(this.db, [id]),
      repo.versionsOf(this.db, actor.tenantId, row.reg),
    ]);
    const clauses = await repo.clausesOf(this.db, articles.map((a) => a.id));
    const byArticle = new Map<string, repo.ClauseRow[]>();
    for (const c of clauses) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
    const number = new Map(articles.map((a) => [a.id, a.number]));
    const arts: TRegArticle[] = articles.map((a) => ({
      id: a.id,
      number: a.number,
      chapter: a.chapter,
      section: a.section,
      heading: a.heading,
      clauses: (byArticle.get(a.id) ?? []).map((c) => ({ id: c.id, ayat: c.ayat, huruf: c.huruf, angka: c.angka, text: c.text })),
      obligations: obligations.filter((o) => o.articleId === a.id).map((o) => obligationDto(o, a.number)),
    }));
    return {
      ...summaryDto(row),
      considerations: row.reg.considerations,
      legalBasis: row.reg.legalBasis,
      articles: arts,
      generalObligations: obligations.filter((o) => !o.articleId).map((o) => obligationDto(o, o.articleId ? (number.get(o.articleId) ?? null) : null)),
      versions,
    };
  }

  /** Binds (or unbinds) the tenant to a regulation's current version. */
  async setBinding(actor: Actor, id: string, bound: boolean) {
    policy.manage(actor);
    await this.ready();
    const row = await repo.getRegulation(this.db, actor.tenantId, id);
    if (!row) throw notFound();
    if (bound && row.reg.status === 'diganti') throw new AppError(409, 'regulations.superseded');
    await this.db.transaction(async (tx) => {
      if (bound) {
        const b = await repo.insertBinding(tx, { tenantId: actor.tenantId, regulationId: id, boundBy: actor.userId });
        if (b) await recordAudit(tx, actor, { action: 'bind', entity: 'regulation', entityId: id, after: { code: row.reg.code, version: row.reg.version } });
      } else {
        const [b] = await repo.deleteBinding(tx, actor.tenantId, id);
        if (b) await recordAudit(tx, actor, { action: 'unbind', entity: 'regulation', entityId: id, before: { code: row.reg.code, version: row.reg.version } });
      }
    });
    return this.get(actor, id);
  }

  /** Imports a Pemda's own regulation (YAML, JSON or Excel); a higher version supersedes the old one. */
  async importFile(actor: Actor, filename: string, data: Buffer, bind: boolean) {
    policy.manage(actor);
    await this.ready();
    const doc = await parseRegulationFile(filename, data);
    return this.importDoc(actor, doc, bind);
  }

  async importDoc(actor: Actor, doc: TRegulationDoc, bind: boolean) {
    policy.manage(actor);
    if (await repo.sharedCodeExists(this.db, doc.code)) throw conflict('regulations.code_shared', 'code');
    return this.db.transaction(async (tx) => {
      const latest = await repo.latestByCode(tx, actor.tenantId, doc.code);
      if (latest && latest.version >= doc.version) throw conflict('regulations.version_exists', 'version');
      const reg = await repo.insertDoc(tx, actor.tenantId, doc, latest?.id ?? null);
      await recordAudit(tx, actor, {
        action: 'import',
        entity: 'regulation',
        entityId: reg.id,
        after: { code: reg.code, version: reg.version, title: reg.title, articles: doc.articles.length, obligations: doc.obligations.length },
      });
      if (latest) {
        const old = await repo.setStatus(tx, latest.id, 'diganti');
        await repo.moveBinding(tx, actor.tenantId, latest.id, reg.id);
        await recordAudit(tx, actor, { action: 'supersede', entity: 'regulation', entityId: latest.id, before: { status: latest.status }, after: { status: old.status, by: reg.id } });
      }
      if (bind && !(await repo.binding(tx, actor.tenantId, reg.id))) {
        await repo.insertBinding(tx, { tenantId: actor.tenantId, regulationId: reg.id, boundBy: actor.userId });
        await recordAudit(tx, actor, { action: 'bind', entity: 'regulation', entityId: reg.id, after: { code: reg.code, version: reg.version } });
      }
      return { id: reg.id, code: reg.code, version: reg.version, articleCount: doc.articles.length, obligationCount: doc.obligations.length };
    });
  }
}
