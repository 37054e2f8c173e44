import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the risks module (keys start with "risks."). */
export const risksMessages = {} as const satisfies Record<string, Bilingual>;
