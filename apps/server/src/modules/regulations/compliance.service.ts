import type {
  TArticleCompliance,
  TAttestation,
  TAttestationInput,
  TComplianceDashboard,
  TComplianceLink,
  TObligationCompliance,
  TRegulationCompliance,
} from '@persada/shared';
import { ZAttestationInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import type { EvidenceContext } from '../../platform/compliance/evidence.js';
import type { AttachmentService } from '../files/files.service.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { DUE_SOON_DAYS, addDays, attestationState, countOf, decideObligation, jakartaDay, rollUp, type CheckOutcome } from './compliance.evaluator.js';
import type { ComplianceCheck } from './evidence.js';
import { regulationsPolicy as policy } from './regulations.policy.js';
import * as repo from './regulations.repo.js';
import { obligationDto, summaryDto, type RegulationsService } from './regulations.service.js';
import { SingleFlight } from '../../platform/http/single-flight.js';

type Evaluation = { today: string; outcome: (key: string | null) => Promise<CheckOutcome | null> };

/** The compliance view, attestations, record links and the GRC dashboard (R-REG). */
export class ComplianceService {
  constructor(
    private readonly deps: AppDeps,
    private readonly library: RegulationsService,
    private readonly attachments: AttachmentService,
    /** All evidence checks known now (other modules' and this module's own). */
    private readonly checks: () => ComplianceCheck[],
    private readonly notifications?: NotificationService,
    /** Obligations a record names itself (a governance control's "satisfies" links). */
    private readonly claimedObligations?: (tenantId: string, entity: string, id: string) => Promise<string[]>,
  ) {}
  private get db() {
    return this.deps.database.db;
  }

  /** One evaluation pass: each check runs at most once, failures count as "missing" (never a 500). */
  private evaluation(tenantId: string, now = new Date(), withRecords = true): Evaluation {
    const today = jakartaDay(now);
    const ctx: EvidenceContext = { tenantId, year: Number(today.slice(0, 4)), now, withRecords };
    const byKey = new Map(this.checks().map((c) => [c.key, c]));
    const memo = new Map<string, Promise<CheckOutcome>>();
    const outcome = async (key: string | null): Promise<CheckOutcome | null> => {
      if (!key) return null;
      let p = memo.get(key);
      if (!p) {
        const check = byKey.get(key);
        p = !check
          ? Promise.resolve({ registered: false } as const)
          : check.evaluate(this.db, ctx).then(
              (result) => ({ registered: true as const, result }),
              (e) => {
                this.deps.log.error({ err: e, key }, 'evidence check failed');
                return {
                  registered: true as const,
                  result: { status: 'missing' as const, detail: { id: 'Pemeriksaan bukti gagal dijalankan.', en: 'The evidence check failed to run.' }, records: [] },
                };
              },
            );
        memo.set(key, p);
      }
      return p;
    };
    return { today, outcome };
  }

  private async attestationDtos(db: DbOrTx, tenantId: string, rows: repo.AttestationRow[], today: string): Promise<TAttestation[]> {
    const names = await repo.fileNames(db, tenantId, [...new Set(rows.flatMap((r) => r.fileIds))]);
    return rows.map((r) => ({
      id: r.id,
      obligationId: r.obligationId,
      statement: r.statement,
      effectiveDate: r.effectiveDate,
      expiresOn: r.expiresOn,
      files: r.fileIds.map((id) => ({ id, name: names.get(id) ?? id })),
      attestedBy: r.attestedByLabel,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
      status: attestationState(r, today),
    }));
  }

  private async evaluateRows(tenantId: string, rows: repo.RegulationListRow[], ev: Evaluation): Promise<TRegulationCompliance[]> {
    const ids = rows.map((r) => r.reg.id);
    const obligations = await repo.obligationsOf(this.db, ids);
    const articles = (await Promise.all(ids.map((id) => repo.articlesOf(this.db, id)))).flat();
    const atts = await repo.attestationsFor(this.db, tenantId, obligations.map((o) => o.id));
    const attDtos = await this.attestationDtos(this.db, tenantId, atts, ev.today);
    const artById = new Map(articles.map((a) => [a.id, a]));
    // Start every check at once (each runs at most once per evaluation); the loop below awaits them in order.
    for (const o of obligations) void ev.outcome(o.evidenceKey);
    const out: TRegulationCompliance[] = [];
    for (const row of rows) {
      const obls = obligations.filter((o) => o.regulationId === row.reg.id);
      const decided: TObligationCompliance[] = [];
      for (const o of obls) {
        const outcome = await ev.outcome(o.evidenceKey);
        const mine = atts.filter((a) => a.obligationId === o.id);
        const v = decideObligation(outcome, mine, ev.today);
        decided.push({
          ...obligationDto(o, o.articleId ? (artById.get(o.articleId)?.number ?? null) : null),
          status: v.status,
          source: v.source,
          detail: v.detail,
          records: v.records,
          checkRegistered: Boolean(outcome?.registered),
          validUntil: v.validUntil,
          attestations: attDtos.filter((a) => a.obligationId === o.id),
        });
      }
      const groups = new Map<string | null, TObligationCompliance[]>();
      for (const d of decided) groups.set(d.articleId, [...(groups.get(d.articleId) ?? []), d]);
      const arts: TArticleCompliance[] = [...groups.entries()]
        .map(([articleId, list]) => {
          const a = articleId ? artById.get(articleId) : null;
          return {
            id: articleId,
            number: a?.number ?? null,
            chapter: a?.chapter ?? null,
            status: rollUp(list.map((l) => l.status)),
            counts: countOf(list.map((l) => l.status)),
            obligations: list,
            ord: a?.ord ?? 0,
          };
        })
        .sort((x, y) => x.ord - y.ord)
        .map(({ ord: _ord, ...rest }) => rest);
      out.push({
        regulation: summaryDto(row),
        status: rollUp(decided.map((d) => d.status)),
        counts: countOf(decided.map((d) => d.status)),
        articles: arts,
        evaluatedAt: new Date().toISOString(),
      });
    }
    return out;
  }

  /** Per regulation, per article, per obligation (any visible version, bound or not). */
  async regulation(actor: Actor, id: string, now = new Date()): Promise<TRegulationCompliance> {
    policy.read(actor);
    await this.library.ready();
    const row = await repo.getRegulation(this.db, actor.tenantId, id);
    if (!row) throw notFound();
    const [res] = await this.evaluateRows(actor.tenantId, [row], this.evaluation(actor.tenantId, now));
    return res;
  }

  /** All bound regulations with their roll-up (the compliance view's first level). */
  async overview(actor: Actor, now = new Date(), withRecords = true) {
    policy.read(actor);
    await this.library.ready();
    const rows = await repo.boundRegulations(this.db, actor.tenantId);
    return this.evaluateRows(actor.tenantId, rows, this.evaluation(actor.tenantId, now, withRecords));
  }

  /** Dashboard evaluations in progress, per tenant and day. */
  private readonly dashboards = new SingleFlight<TComplianceDashboard>();

  /**
   * The GRC dashboard. Requests that arrive while the same Pemda's dashboard is being evaluated
   * share that evaluation instead of starting their own: on the home page of every user at 08:00
   * that is the difference between one pass over the records and a hundred. A shared answer is at
   * most one evaluation (a fraction of a second) old.
   */
  async dashboard(actor: Actor, now = new Date()): Promise<TComplianceDashboard> {
    policy.read(actor);
    return this.dashboards.run(`${actor.tenantId}|${jakartaDay(now)}`, () => this.evaluateDashboard(actor, now));
  }

  private async evaluateDashboard(actor: Actor, now: Date): Promise<TComplianceDashboard> {
    // The dashboard shows statuses and counts only, so the checks need not list their records.
    const all = await this.overview(actor, now, false);
    const today = jakartaDay(now);
    const horizon = addDays(today, 30);
    const dueThisMonth: TComplianceDashboard['dueThisMonth'] = [];
    const expiring: TComplianceDashboard['expiringAttestations'] = [];
    for (const r of all)
      for (const a of r.articles)
        for (const o of a.obligations) {
          if (o.status === 'due_soon')
            dueThisMonth.push({
              obligationId: o.id,
              regulationId: r.regulation.id,
              regulationCode: r.regulation.code,
              article: a.number,
              text: o.text,
              status: o.status,
              dueOn: o.validUntil,
              reason: o.detail,
            });
          for (const at of o.attestations)
            if ((at.status === 'valid' || at.status === 'due_soon') && at.expiresOn <= horizon)
              expiring.push({ ...at, regulationCode: r.regulation.code, article: a.number, obligationText: o.text });
        }
    dueThisMonth.sort((x, y) => (x.dueOn ?? '').localeCompare(y.dueOn ?? ''));
    expiring.sort((x, y) => x.expiresOn.localeCompare(y.expiresOn));
    return {
      evaluatedAt: now.toISOString(),
      totals: countOf(all.flatMap((r) => r.articles.flatMap((a) => a.obligations.map((o) => o.status)))),
      regulations: all.map((r) => ({ regulation: r.regulation, status: r.status, counts: r.counts })),
      dueThisMonth,
      expiringAttestations: expiring,
    };
  }

  /** "Which obligations does this record satisfy?" — from evidence-check records and attestation files. */
  async links(actor: Actor, entity: string, id: string, now = new Date()): Promise<TComplianceLink[]> {
    const all = await this.overview(actor, now);
    const claimed = new Set(this.claimedObligations ? await this.claimedObligations(actor.tenantId, entity, id) : []);
    const out: TComplianceLink[] = [];
    for (const r of all)
      for (const a of r.articles)
        for (const o of a.obligations) {
          const viaRecord = claimed.has(o.id) || o.records.some((rec) => rec.entity === entity && rec.id === id);
          const viaFile = entity === 'file' && o.attestations.some((at) => !at.revokedAt && at.files.some((f) => f.id === id));
          if (viaRecord || viaFile)
            out.push({
              obligationId: o.id,
              regulationId: r.regulation.id,
              regulationCode: r.regulation.code,
              regulationTitle: r.regulation.title,
              article: a.number,
              ref: o.ref,
              text: o.text,
              evidenceKey: o.evidenceKey,
              status: o.status,
            });
        }
    return out;
  }

  async attestations(actor: Actor, obligationId: string) {
    policy.read(actor);
    const found = await repo.getObligation(this.db, actor.tenantId, obligationId);
    if (!found) throw notFound();
    const rows = await repo.attestationsFor(this.db, actor.tenantId, [obligationId]);
    return this.attestationDtos(this.db, actor.tenantId, rows, jakartaDay(new Date()));
  }

  async attest(actor: Actor, raw: TAttestationInput) {
    policy.attest(actor);
    const input = ZAttestationInput.parse(raw);
    await this.library.ready();
    const found = await repo.getObligation(this.db, actor.tenantId, input.obligationId);
    if (!found) throw notFound();
    if (found.reg.status === 'diganti') throw new AppError(409, 'regulations.superseded');
    if (!(await repo.binding(this.db, actor.tenantId, found.reg.id))) throw new AppError(409, 'regulations.not_bound');
    for (const f of input.fileIds) await this.attachments.assertVisible(actor, f);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertAttestation(tx, {
        tenantId: actor.tenantId,
        obligationId: input.obligationId,
        statement: input.statement,
        effectiveDate: input.effectiveDate,
        expiresOn: input.expiresOn,
        fileIds: input.fileIds,
        attestedBy: actor.userId,
        attestedByLabel: actor.label,
      });
      await recordAudit(tx, actor, { action: 'attest', entity: 'compliance_attestation', entityId: row.id, after: row });
      // remind the attester 30 days before the attestation lapses (the obligation turns "due soon")
      if (this.notifications && actor.userId)
        await this.notifications.schedule(tx, actor, {
          kind: 'attestation_expiry',
          entity: 'compliance_attestation',
          entityId: row.id,
          dueAt: new Date(`${addDays(input.expiresOn, -DUE_SOON_DAYS)}T01:00:00Z`),
          recipientUserIds: [actor.userId],
          title: `Pernyataan pemenuhan ${found.reg.code} akan berakhir`,
          body: `Pernyataan "${input.statement.slice(0, 120)}" berlaku sampai ${input.expiresOn}. Perbarui bukti pemenuhan kewajiban sebelum tanggal tersebut.`,
          link: `/kepatuhan/${found.reg.id}`,
        });
      const [dto] = await this.attestationDtos(tx, actor.tenantId, [row], jakartaDay(new Date()));
      return dto;
    });
  }

  /** Withdraws an attestation; it stays in the history (soft). */
  async revoke(actor: Actor, id: string) {
    policy.attest(actor);
    const current = await repo.getAttestation(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    if (current.revokedAt) throw new AppError(409, 'regulations.already_revoked');
    return this.db.transaction(async (tx) => {
      const row = await repo.revokeAttestation(tx, actor.tenantId, id);
      await recordAudit(tx, actor, { action: 'revoke', entity: 'compliance_attestation', entityId: id, before: current, after: row });
      if (this.notifications) await this.notifications.cancel(tx, actor, 'compliance_attestation', id, 'attestation_expiry');
      const [dto] = await this.attestationDtos(tx, actor.tenantId, [row], jakartaDay(new Date()));
      return dto;
    });
  }
}
