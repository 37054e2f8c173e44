import type { TSystemAssetEntity } from '@persada/shared';
import type { ModuleContext, PersadaModule } from '../../app/module.js';
import type { DbOrTx } from '../../db/client.js';
import { RiskContextService } from './contexts.service.js';
import { risksEvidence } from './risks.evidence.js';
import { risksRoutes } from './risks.routes.js';
import { RiskService, type AssetResolver } from './risks.service.js';
import { RiskSettingsService } from './settings.service.js';

/** Register path under the systems module for each asset entity. */
const assetRegisters: Record<TSystemAssetEntity, string> = {
  sys_application: 'applications',
  sys_device: 'devices',
  sys_database: 'databases',
  sys_security_asset: 'security-assets',
};

type SystemsRegisters = { reg(path: string): { find(db: DbOrTx, tenantId: string, id: string): Promise<Record<string, unknown> | undefined> } | undefined };

/** Risk management per PermenPANRB 5/2020 (E1, MJK-40 P15). */
export function risksModule(ctx: ModuleContext): PersadaModule {
  // the systems module is created before this one (app/modules.ts): a risk's asset is one of its records
  const systems = ctx.modules.get('systems')?.service as SystemsRegisters | undefined;
  const assets: AssetResolver = async (db, tenantId, entity, id) => {
    const row = await systems?.reg(assetRegisters[entity])?.find(db, tenantId, id);
    if (!row || row.deletedAt) return null;
    return { label: String(row.name ?? row.label ?? id).slice(0, 300) };
  };
  const settings = new RiskSettingsService(ctx.deps);
  const contexts = new RiskContextService(ctx.deps);
  const risks = new RiskService(ctx.deps, ctx.notifications, assets);
  return {
    name: 'risks',
    routes(app) {
      risksRoutes(app, settings, contexts, risks);
    },
    evidence: risksEvidence,
    service: { settings, contexts, risks },
  };
}
