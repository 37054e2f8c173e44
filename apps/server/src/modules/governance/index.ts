import type { ModuleContext, PersadaModule } from '../../app/module.js';
import type { DbOrTx } from '../../db/client.js';
import { governanceEvidence } from './governance.evidence.js';
import { governanceRoutes } from './governance.routes.js';
import { GovernanceService, type LinkResolver } from './governance.service.js';
import { PoliciesService } from './policies.service.js';
import { SopsService } from './sops.service.js';

type RefLookup = (db: DbOrTx, tenantId: string, id: string) => Promise<{ label: string } | null>;

/** Governance, controls and SOPs (B1–B10). */
export function governanceModule(ctx: ModuleContext): PersadaModule {
  // Risks are created before this module; the regulation library after it, so it is looked up
  // when a link is saved (like regulations collects evidence checks), not at creation time.
  const resolveLink: LinkResolver = async (db, tenantId, entity, id) => {
    if (entity === 'risk') {
      const risks = (ctx.modules.get('risks')?.service as { risks?: { ref: RefLookup } } | undefined)?.risks;
      return risks ? risks.ref(db, tenantId, id) : undefined;
    }
    if (entity === 'obligation') {
      const library = (ctx.modules.get('regulations')?.service as { library?: { obligationRef: RefLookup } } | undefined)?.library;
      return library ? library.obligationRef(db, tenantId, id) : undefined;
    }
    return undefined;
  };
  const gov = new GovernanceService(ctx.deps, ctx.notifications, resolveLink);
  const policies = new PoliciesService(ctx.deps);
  const sops = new SopsService(ctx.deps);
  return {
    name: 'governance',
    routes: (app) => governanceRoutes(app, gov, policies, sops),
    evidence: governanceEvidence,
    service: { gov, policies, sops },
  };
}
