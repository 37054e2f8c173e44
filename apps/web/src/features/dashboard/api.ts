import { api, type Page } from '@/lib/api';

/** Counts come from the `total` of one-row list pages. */
export const countOf = (path: string, query: Record<string, string | number | boolean | undefined> = {}) =>
  api.get<Page<unknown>>(path, { ...query, page: 1, pageSize: 1 }).then((p) => p.total);

export type RecentAudit = { id: string; at: string; actorLabel: string | null; action: string; entity: string; entityId: string | null };

export const recentAudit = () =>
  api.get<Page<RecentAudit>>('/api/audit', { page: 1, pageSize: 5, sort: 'seq', dir: 'desc' }).then((p) => p.items);

export const unreadCount = () => api.get<{ count: number }>('/api/notifications/unread-count').then((r) => r.count);
