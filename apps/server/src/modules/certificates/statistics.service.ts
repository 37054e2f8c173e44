import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';

/** Yearly certificate figures per OPD (K13). */
export class StatisticsService {
  constructor(private readonly ctx: ModuleContext) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  async usage(actor: Actor, year: number) {
    policy.readAny(actor);
    const scope = policy.readScope(actor);
    const rows = await repo.usageByOpd(this.db, actor.tenantId, year, scope);
    const signatures = await this.signatureCounts(actor.tenantId, year);
    const out = rows.map((r) => ({
      ...r,
      signatures: signatures ? (signatures.get(r.opdId) ?? 0) : null,
    }));
    const sum = (k: 'issued' | 'active' | 'revoked' | 'expired' | 'renewed') => out.reduce((a, r) => a + r[k], 0);
    return {
      year,
      rows: out,
      totals: {
        issued: sum('issued'),
        active: sum('active'),
        revoked: sum('revoked'),
        expired: sum('expired'),
        renewed: sum('renewed'),
        signatures: signatures ? out.reduce((a, r) => a + (r.signatures ?? 0), 0) : null,
      },
    };
  }
  /** Signature counts per OPD when the signing module offers them. */
  private async signatureCounts(tenantId: string, year: number): Promise<Map<string, number> | null> {
    const s = this.ctx.modules.get('signing')?.service as any;
    if (!s || typeof s.signatureCountsByOpd !== 'function') return null;
    try {
      const m = await s.signatureCountsByOpd(tenantId, year);
      return m instanceof Map ? m : new Map(Object.entries(m ?? {}).map(([k, v]) => [k, Number(v)]));
    } catch {
      return null;
    }
  }
}
