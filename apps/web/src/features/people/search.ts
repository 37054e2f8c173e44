import { z } from 'zod';
import { ZListSearch, zSearchBool, zSearchText } from '@/lib/list-search';

export const ZPeopleSearch = ZListSearch.extend({
  opdId: zSearchText,
  kind: z.enum(['asn', 'pppk', 'non_asn']).optional().catch(undefined),
  includeDeleted: zSearchBool,
});
export type PeopleSearch = z.output<typeof ZPeopleSearch>;
