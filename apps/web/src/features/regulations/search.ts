import { z } from 'zod';
import { regulationKinds } from '@persada/shared';
import { ZListSearch, zSearchBool } from '@/lib/list-search';

export const ZRegulationSearch = ZListSearch.extend({
  kind: z.enum(regulationKinds).optional().catch(undefined),
  bound: zSearchBool,
  allVersions: zSearchBool,
});
export type RegulationSearch = z.output<typeof ZRegulationSearch>;
