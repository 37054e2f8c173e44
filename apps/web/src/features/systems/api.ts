import type { TCategorization, TCategorizationInput, TTechDocInput, TTechDocs } from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

/** Any row of a register: the server adds id, opdName, timestamps and computed fields. */
export type SysRow = Record<string, any> & { id: string; opdId: string; opdName: string; deletedAt: string | null };

export const sysApi = {
  list: (path: string, q: QueryParams) => api.get<Page<SysRow>>(`/api/systems/${path}`, q),
  get: (path: string, id: string) => api.get<SysRow>(`/api/systems/${path}/${id}`),
  create: (path: string, body: unknown) => api.post<SysRow>(`/api/systems/${path}`, body),
  update: (path: string, id: string, body: unknown) => api.put<SysRow>(`/api/systems/${path}/${id}`, body),
  remove: (path: string, id: string) => api.del<void>(`/api/systems/${path}/${id}`),
  restore: (path: string, id: string) => api.post<SysRow>(`/api/systems/${path}/${id}/restore`, {}),
  categorizations: (appId: string) => api.get<TCategorization[]>(`/api/systems/applications/${appId}/categorizations`),
  categorize: (appId: string, body: TCategorizationInput) => api.post<TCategorization>(`/api/systems/applications/${appId}/categorizations`, body),
  techDocs: (appId: string) => api.get<TTechDocs>(`/api/systems/applications/${appId}/tech-docs`),
  setTechDoc: (appId: string, body: TTechDocInput) => api.put<TTechDocs>(`/api/systems/applications/${appId}/tech-docs`, body),
  maintenance: (deviceId: string) => api.get<any[]>(`/api/systems/devices/${deviceId}/maintenance`),
  addMaintenance: (deviceId: string, body: unknown) => api.post<any[]>(`/api/systems/devices/${deviceId}/maintenance`, body),
  sla: (partyId: string) => api.get<any[]>(`/api/systems/third-parties/${partyId}/sla-reports`),
  addSla: (partyId: string, body: unknown) => api.post<any[]>(`/api/systems/third-parties/${partyId}/sla-reports`, body),
  decide: (id: string, body: unknown) => api.post<SysRow>(`/api/systems/subdomains/${id}/decision`, body),
  appOptions: () => api.get<{ id: string; name: string; opdId: string }[]>('/api/systems/application-options'),
};

/** Uploads one attachment through the shared /api/files endpoint; returns its id and name. */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const data = new FormData();
  data.append('file', file);
  const res = await fetch('/api/files', { method: 'POST', body: data, credentials: 'include' });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(json.title ?? 'upload'), { problem: json });
  return json;
}
