import type { TPkiCertificate, TPkiRevokeInput, TPkiSettings, TPkiSettingsInput, TPkiStatus } from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

export const pkiApi = {
  status: () => api.get<TPkiStatus>('/api/pki/status'),
  initialise: () => api.post<TPkiStatus>('/api/pki/ca', {}),
  certificates: (q: QueryParams) => api.get<Page<TPkiCertificate>>('/api/pki/certificates', q),
  revoke: (id: string, body: TPkiRevokeInput) => api.post<TPkiCertificate>(`/api/pki/certificates/${id}/revoke`, body),
  regenerateCrl: () => api.post<{ crlNumber: number; entries: number; thisUpdate: string; nextUpdate: string }>('/api/pki/crl', {}),
  settings: () => api.get<TPkiSettings>('/api/pki/settings'),
  saveSettings: (body: TPkiSettingsInput) => api.put<TPkiSettings>('/api/pki/settings', body),
};

export const certificateDownloadUrl = (id: string) => `/api/pki/certificates/${id}/download`;
