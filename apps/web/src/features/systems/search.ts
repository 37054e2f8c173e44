import { z } from 'zod';
import { ZListSearch, zSearchBool, zSearchText } from '@/lib/list-search';

/** URL state of every register list: paging, search, OPD and the register's own filters. */
export const ZSysSearch = ZListSearch.extend({
  opdId: zSearchText,
  includeDeleted: zSearchBool,
  kind: zSearchText,
  status: zSearchText,
  location: zSearchText,
  groupCode: zSearchText,
  keyKind: zSearchText,
  purpose: zSearchText,
  stage: zSearchText,
  tab: zSearchText,
});
export type SysSearch = z.output<typeof ZSysSearch>;
