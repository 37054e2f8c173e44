import { ZListSearch, zSearchBool } from '@/lib/list-search';

export const ZNotificationSearch = ZListSearch.extend({ unread: zSearchBool });
