import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the signing module (keys start with "signing."). */
export const signingMessages = {} as const satisfies Record<string, Bilingual>;
