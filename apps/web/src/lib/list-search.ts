import { z } from 'zod';

/**
 * Search-param schemas for lists (TanStack Router `validateSearch`).
 * TanStack parses search values as JSON, so `q=123` arrives as a number; coerce back to string.
 * Every field is optional and invalid values fall back to undefined instead of failing the route.
 */
export const zSearchText = z
  .union([z.string(), z.number().transform((n) => String(n))])
  .optional()
  .catch(undefined);

export const zSearchInt = z.coerce.number().int().min(1).optional().catch(undefined);

export const zSearchBool = z
  .union([z.boolean(), z.literal('true').transform(() => true), z.literal('false').transform(() => false)])
  .optional()
  .catch(undefined);

export const zSearchDir = z.enum(['asc', 'desc']).optional().catch(undefined);

export const ZListSearch = z.object({
  page: zSearchInt,
  pageSize: zSearchInt,
  sort: zSearchText,
  dir: zSearchDir,
  q: zSearchText,
});
export type ListSearch = z.output<typeof ZListSearch>;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** Query parameters for the server from the URL search state. */
export function listQuery(s: ListSearch): Record<string, string | number | undefined> {
  return {
    page: s.page ?? 1,
    pageSize: s.pageSize ?? DEFAULT_PAGE_SIZE,
    sort: s.sort,
    dir: s.sort ? (s.dir ?? 'asc') : undefined,
    q: s.q || undefined,
  };
}
