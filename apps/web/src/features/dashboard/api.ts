import type { TComplianceDashboard, THeatmap, TSystemsSummary } from '@persada/shared';
import { api, type Page } from '@/lib/api';

/** Counts come from the `total` of one-row list pages. */
export const countOf = (path: string, query: Record<string, string | number | boolean | undefined> = {}) =>
  api.get<Page<unknown>>(path, { ...query, page: 1, pageSize: 1 }).then((p) => p.total);

export type RecentAudit = { id: string; at: string; actorLabel: string | null; action: string; entity: string; entityId: string | null };

export const recentAudit = () =>
  api.get<Page<RecentAudit>>('/api/audit', { page: 1, pageSize: 5, sort: 'seq', dir: 'desc' }).then((p) => p.items);

export const unreadCount = () => api.get<{ count: number }>('/api/notifications/unread-count').then((r) => r.count);

// ---- "Keamanan Informasi" section: compliance, risks and systems (issue 3 part 6) ----

/** GET /api/compliance/dashboard (regulations.read): compliance by regulation and what is due this month. */
export const complianceDashboard = () => api.get<TComplianceDashboard>('/api/compliance/dashboard');

/** GET /api/risks/heatmap (risks.read): 5×5 counts, top risks and overdue treatments, OPD-scoped. */
export const riskHeatmap = (q: { opdId?: string; year: number }) => api.get<THeatmap>('/api/risks/heatmap', { opdId: q.opdId, year: q.year, basis: 'current' });

/** GET /api/systems/summary (systems.read): active applications by category, OPD-scoped. */
export const systemsSummary = (q: { opdId?: string }) => api.get<TSystemsSummary>('/api/systems/summary', { opdId: q.opdId });
