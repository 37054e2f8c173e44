import { z } from 'zod';
import { ZListSearch, zSearchBool, zSearchText } from '@/lib/list-search';

const zYear = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);
const zLevel = z.coerce.number().int().min(1).max(5).optional().catch(undefined);

export const ZRiskSearch = ZListSearch.extend({
  opdId: zSearchText,
  year: zYear,
  level: zSearchText,
  needsTreatment: zSearchBool,
  approvalStatus: zSearchText,
  likelihood: zLevel,
  impact: zLevel,
  includeDeleted: zSearchBool,
});
export type RiskSearch = z.output<typeof ZRiskSearch>;

export const ZHeatmapSearch = z.object({ opdId: zSearchText, year: zYear, basis: z.enum(['inherent', 'current', 'residual']).optional().catch(undefined) });
export const ZContextSearch = ZListSearch.extend({ opdId: zSearchText, year: zYear });
