import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';
import type { TListQuery } from '@persada/shared';

/** ORDER BY from a whitelisted sort key; unknown keys fall back to the default. */
export function orderBy(q: Pick<TListQuery, 'sort' | 'dir'>, columns: Record<string, AnyColumn | SQL>, fallback: string): SQL[] {
  const col = columns[q.sort ?? ''] ?? columns[fallback];
  return [q.dir === 'desc' ? desc(col) : asc(col)];
}

export const offsetOf = (q: Pick<TListQuery, 'page' | 'pageSize'>) => (q.page - 1) * q.pageSize;

/** Escapes LIKE wildcards in user search text. */
export const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
