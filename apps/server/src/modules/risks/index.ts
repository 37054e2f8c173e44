import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { RiskContextService } from './contexts.service.js';
import { risksEvidence } from './risks.evidence.js';
import { risksRoutes } from './risks.routes.js';
import { RiskService } from './risks.service.js';
import { RiskSettingsService } from './settings.service.js';

/** Risk management per PermenPANRB 5/2020 (E1, MJK-40 P15). */
export function risksModule(ctx: ModuleContext): PersadaModule {
  const settings = new RiskSettingsService(ctx.deps);
  const contexts = new RiskContextService(ctx.deps);
  const risks = new RiskService(ctx.deps, ctx.notifications);
  return {
    name: 'risks',
    routes(app) {
      risksRoutes(app, settings, contexts, risks);
    },
    evidence: risksEvidence,
    service: { settings, contexts, risks },
  };
}
