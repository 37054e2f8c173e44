import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';

/**
 * Demo records of this module for "Kota Contoh": none. The CA's private keys are sealed with
 * the application master key, which the demo seed does not receive (it runs before the key is
 * loaded); the demo CA is therefore created on first use — the "Buat CA Pemda" button on /pki,
 * or the first certificate the RA issues.
 */
export async function seedPkiDemo(_db: Db, _ctx: DemoSeedContext): Promise<void> {}
