import { ZRiskSettings, type TRiskSettings } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/context/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { nationalRiskDefaults } from './risks.defaults.js';
import { risksPolicy as policy } from './risks.policy.js';
import * as repo from './risks.repo.js';

/** The tenant's matrix & criteria; created from the national defaults the first time it is needed. */
export async function loadSettings(db: DbOrTx, tenantId: string): Promise<TRiskSettings> {
  let row = await repo.getSettings(db, tenantId);
  if (!row) {
    await repo.insertSettingsIfMissing(db, tenantId, nationalRiskDefaults());
    row = await repo.getSettings(db, tenantId);
  }
  const parsed = ZRiskSettings.safeParse(row!.config);
  return parsed.success ? parsed.data : nationalRiskDefaults();
}

function validate(s: TRiskSettings) {
  const levels = [...s.levels].sort((a, b) => a.min - b.min);
  let next = 1;
  for (const b of levels) {
    if (b.min !== next || b.max < b.min) throw new AppError(400, 'error.validation', [{ field: 'levels', key: 'risks.levels_invalid' }]);
    next = b.max + 1;
  }
  if (next !== 26) throw new AppError(400, 'error.validation', [{ field: 'levels', key: 'risks.levels_invalid' }]);
  const dup = (xs: string[]) => new Set(xs).size !== xs.length;
  if (dup(s.categories.map((c) => c.code)) || dup(s.areas.map((a) => a.code)) || dup(s.levels.map((l) => l.code)))
    throw new AppError(400, 'error.validation', [{ field: 'categories', key: 'risks.codes_duplicate' }]);
  return { ...s, levels, likelihood: [...s.likelihood].sort((a, b) => a.level - b.level), impact: [...s.impact].sort((a, b) => a.level - b.level) };
}

export class RiskSettingsService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async get(actor: Actor) {
    policy.read(actor);
    return loadSettings(this.db, actor.tenantId);
  }

  /** Saves the matrix/criteria and recomputes every stored score and decision; audited. */
  async save(actor: Actor, input: TRiskSettings) {
    policy.configure(actor);
    const next = validate(input);
    return this.db.transaction(async (tx) => {
      const before = await loadSettings(tx, actor.tenantId);
      await repo.updateSettings(tx, actor.tenantId, next);
      await repo.recomputeRisks(tx, actor.tenantId, next.matrix);
      await recordAudit(tx, actor, { action: 'update', entity: 'risk_settings', entityId: actor.tenantId, before, after: next });
      return next;
    });
  }

  async reset(actor: Actor) {
    return this.save(actor, nationalRiskDefaults());
  }
}
