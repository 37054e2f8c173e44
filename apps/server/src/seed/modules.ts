import type { Db } from '../db/client.js';
import type { DemoSeedContext } from './context.js';
import { seedSystemsDemo } from '../modules/systems/systems.seed.js';
import { seedSecopsDemo } from '../modules/secops/secops.seed.js';
import { seedRisksDemo } from '../modules/risks/risks.seed.js';
import { seedGovernanceDemo } from '../modules/governance/governance.seed.js';
import { seedPkiDemo } from '../modules/pki/pki.seed.js';
import { seedCertificatesDemo } from '../modules/certificates/certificates.seed.js';
import { seedSigningDemo } from '../modules/signing/signing.seed.js';
import { seedRegulationsDemo } from '../modules/regulations/regulations.seed.js';

/** Each module's demo records, in the order of app/modules.ts. */
export const demoSeeders: ((db: Db, ctx: DemoSeedContext) => Promise<void>)[] = [
  seedSystemsDemo,
  seedSecopsDemo,
  seedRisksDemo,
  seedGovernanceDemo,
  seedPkiDemo,
  seedCertificatesDemo,
  seedSigningDemo,
  seedRegulationsDemo,
];
