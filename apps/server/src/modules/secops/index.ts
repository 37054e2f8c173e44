import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { CycleService } from './cycle.service.js';
import { secopsEvidence } from './secops.evidence.js';
import { secopsRoutes } from './secops.routes.js';
import { SocService } from './soc.service.js';

/**
 * Security cycle (D13) and security operations centre (D14). Targets are the applications and
 * devices of the systems register (created before this module); the ids are validated and named
 * from the same tenant's register.
 */
export function secopsModule(ctx: ModuleContext): PersadaModule {
  const cycle = new CycleService(ctx.deps, ctx.notifications);
  const soc = new SocService(ctx.deps);
  return {
    name: 'secops',
    routes: (app) => secopsRoutes(app, cycle, soc),
    evidence: secopsEvidence,
    service: { cycle, soc },
  };
}
