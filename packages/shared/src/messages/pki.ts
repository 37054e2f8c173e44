import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the pki module (keys start with "pki."). */
export const pkiMessages = {} as const satisfies Record<string, Bilingual>;
