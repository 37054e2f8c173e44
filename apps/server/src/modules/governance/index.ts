import type { ModuleContext, PersadaModule } from '../../app/module.js';

/** Placeholder until the module lands: registers nothing. */
export function governanceModule(_ctx: ModuleContext): PersadaModule {
  return { name: 'governance', routes() {} };
}
