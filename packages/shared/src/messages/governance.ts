import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the governance module (keys start with "governance."). */
export const governanceMessages = {} as const satisfies Record<string, Bilingual>;
