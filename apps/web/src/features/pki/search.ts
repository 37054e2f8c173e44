import { z } from 'zod';
import { PKI_PROFILES } from '@persada/shared';
import { ZListSearch } from '@/lib/list-search';

export const ZPkiSearch = ZListSearch.extend({
  profile: z.enum(PKI_PROFILES).optional().catch(undefined),
  status: z.enum(['good', 'revoked', 'expired']).optional().catch(undefined),
});
