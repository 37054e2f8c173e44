import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';

/** Demo records of this module for "Kota Contoh" (none yet). */
export async function seedRisksDemo(_db: Db, _ctx: DemoSeedContext): Promise<void> {}
