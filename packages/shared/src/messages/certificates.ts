import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the certificates module (keys start with "certificates."). */
export const certificatesMessages = {} as const satisfies Record<string, Bilingual>;
