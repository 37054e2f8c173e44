import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the systems module (keys start with "systems."). */
export const systemsMessages = {} as const satisfies Record<string, Bilingual>;
