import { z } from 'zod';

export const ZUuid = z.uuid();

/** Server-side paging, sorting and free-text search used by every list. */
export const ZListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.string().max(64).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(200).optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The server stopped counting at `total` (shown as "N+"). */
    totalCapped: z.boolean().optional(),
  });

export const ZProblemField = z.object({
  field: z.string(),
  message: z.string(),
  message_en: z.string(),
});

/** RFC 9457 problem details with Indonesian (default) and English texts. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  title_en: z.string(),
  detail_en: z.string(),
  errors: z.array(ZProblemField).optional(),
  requestId: z.string().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZOk = z.object({ ok: z.literal(true) });
