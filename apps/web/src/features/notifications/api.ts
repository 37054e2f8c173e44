import { api, type Page, type QueryParams } from '@/lib/api';

export type Notification = { id: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };

export const notificationsApi = {
  list: (q: QueryParams) => api.get<Page<Notification>>('/api/notifications', q),
  markRead: (id: string) => api.post<void>(`/api/notifications/${id}/read`, {}),
  markAllRead: () => api.post<void>('/api/notifications/read-all', {}),
};
