import type { ModuleContext, PersadaModule } from '../../app/module.js';

/** Placeholder until the module lands: registers nothing. */
export function risksModule(_ctx: ModuleContext): PersadaModule {
  return { name: 'risks', routes() {} };
}
