import type { z } from 'zod';
import type { ZCompleteSignInput, ZPrepareSignInput, ZSmimeCompleteInput, ZSmimePrepareInput } from '@persada/shared';
export type { TSigningRequestInput } from '@persada/shared';
export type TPrepareSignInput = z.infer<typeof ZPrepareSignInput>;
export type TCompleteSignInput = z.infer<typeof ZCompleteSignInput>;
export type TSmimePrepareInput = z.infer<typeof ZSmimePrepareInput>;
export type TSmimeCompleteInput = z.infer<typeof ZSmimeCompleteInput>;
