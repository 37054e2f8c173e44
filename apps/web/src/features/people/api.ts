import type { TPerson, TPersonInput } from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

export const peopleApi = {
  list: (q: QueryParams) => api.get<Page<TPerson>>('/api/people', q),
  get: (id: string) => api.get<TPerson>(`/api/people/${id}`),
  create: (body: TPersonInput) => api.post<TPerson>('/api/people', body),
  update: (id: string, body: TPersonInput) => api.put<TPerson>(`/api/people/${id}`, body),
  remove: (id: string) => api.del<void>(`/api/people/${id}`),
  restore: (id: string) => api.post<TPerson>(`/api/people/${id}/restore`, {}),
};

export const personKinds = ['asn', 'pppk', 'non_asn'] as const;
