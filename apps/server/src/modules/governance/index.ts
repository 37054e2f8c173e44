import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { governanceEvidence } from './governance.evidence.js';
import { governanceRoutes } from './governance.routes.js';
import { GovernanceService } from './governance.service.js';
import { PoliciesService } from './policies.service.js';
import { SopsService } from './sops.service.js';

/** Governance, controls and SOPs (B1–B10). */
export function governanceModule(ctx: ModuleContext): PersadaModule {
  const gov = new GovernanceService(ctx.deps, ctx.notifications);
  const policies = new PoliciesService(ctx.deps);
  const sops = new SopsService(ctx.deps);
  return {
    name: 'governance',
    routes: (app) => governanceRoutes(app, gov, policies, sops),
    evidence: governanceEvidence,
    service: { gov, policies, sops },
  };
}
