import type { ModuleContext, ModuleFactory, PersadaModule } from './module.js';
import { regulationsModule } from '../modules/regulations/index.js';
import { systemsModule } from '../modules/systems/index.js';
import { secopsModule } from '../modules/secops/index.js';
import { risksModule } from '../modules/risks/index.js';
import { governanceModule } from '../modules/governance/index.js';
import { pkiModule } from '../modules/pki/index.js';
import { certificatesModule } from '../modules/certificates/index.js';
import { signingModule } from '../modules/signing/index.js';

/** Domain modules in creation order: a module may use those before it (ctx.modules). */
export const moduleFactories: ModuleFactory[] = [
  systemsModule,
  secopsModule,
  risksModule,
  governanceModule,
  pkiModule,
  certificatesModule,
  signingModule,
  // last: the compliance view evaluates the evidence checks of all modules above
  regulationsModule,
];

export function createModules(base: Omit<ModuleContext, 'modules'>): Map<string, PersadaModule> {
  const modules = new Map<string, PersadaModule>();
  for (const factory of moduleFactories) {
    const m = factory({ ...base, modules });
    modules.set(m.name, m);
  }
  return modules;
}
