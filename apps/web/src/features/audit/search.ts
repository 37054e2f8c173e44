import { z } from 'zod';
import { ZListSearch, zSearchText } from '@/lib/list-search';

const zDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const ZAuditSearch = ZListSearch.extend({
  entity: zSearchText,
  action: zSearchText,
  from: zDate,
  to: zDate,
});
export type AuditSearch = z.output<typeof ZAuditSearch>;
