import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';

/**
 * Plain demo rows of this module: none. The demo CA needs the sealed-key store, so it is created
 * by the module's `seedDemo` hook (index.ts) once the services exist.
 */
export async function seedPkiDemo(_db: Db, _ctx: DemoSeedContext): Promise<void> {}
