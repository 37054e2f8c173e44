import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { systemsEvidence } from './systems.evidence.js';
import { systemsRoutes } from './systems.routes.js';
import { SystemsService } from './systems.service.js';

/** Electronic systems and infrastructure registers (D1–D15, C1). */
export function systemsModule(ctx: ModuleContext): PersadaModule {
  const service = new SystemsService(ctx.deps, ctx.notifications);
  return { name: 'systems', routes: (app) => systemsRoutes(app, service), evidence: systemsEvidence, service };
}
