import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { ComplianceService } from './compliance.service.js';
import { ownChecks, type ComplianceCheck } from './evidence.js';
import { regulationsRoutes } from './regulations.routes.js';
import { RegulationsService } from './regulations.service.js';

/**
 * Regulations as data and the compliance view (R-REG, B10) + the GRC dashboard.
 * Evidence checks are collected from the other modules at evaluation time (ctx.modules).
 */
export function regulationsModule(ctx: ModuleContext): PersadaModule {
  const library = new RegulationsService(ctx.deps);
  const checks = (): ComplianceCheck[] => {
    const fromModules = [...ctx.modules.values()].filter((m) => m.name !== 'regulations').flatMap((m) => m.evidence ?? []);
    const keys = new Set(fromModules.map((c) => c.key as string));
    return [...fromModules, ...ownChecks.filter((c) => !keys.has(c.key))];
  };
  // a governance rule/control names the obligations it satisfies (created before this module)
  const gov = (ctx.modules.get('governance')?.service as { gov?: { linkedIds(tenantId: string, id: string, entity: string): Promise<string[]> } } | undefined)?.gov;
  const claimed = async (tenantId: string, entity: string, id: string) => (entity === 'gov_control' && gov && /^[0-9a-f-]{36}$/i.test(id) ? gov.linkedIds(tenantId, id, 'obligation') : []);
  const compliance = new ComplianceService(ctx.deps, library, ctx.attachments, checks, ctx.notifications, claimed);
  return {
    name: 'regulations',
    routes: (app) => regulationsRoutes(app, library, compliance),
    service: { library, compliance },
  };
}
