import { ZListSearch, zSearchBool, zSearchText } from '@/lib/list-search';

export const ZOpdSearch = ZListSearch.extend({ includeDeleted: zSearchBool });
export const ZPositionSearch = ZListSearch.extend({ opdId: zSearchText });
