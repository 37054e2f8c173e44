import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the regulations module (keys start with "regulations."). */
export const regulationsMessages = {} as const satisfies Record<string, Bilingual>;
