import type {
  TAssignHolderInput,
  TOpd,
  TOpdInput,
  TPosition,
  TPositionInput,
  TTenant,
  TTenantProfileInput,
  TUnit,
  TUnitInput,
} from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

export const orgApi = {
  tenant: () => api.get<TTenant>('/api/tenant'),
  saveTenant: (body: TTenantProfileInput) => api.put<TTenant>('/api/tenant', body),

  opds: (q: QueryParams) => api.get<Page<TOpd>>('/api/opds', q),
  opd: (id: string) => api.get<TOpd>(`/api/opds/${id}`),
  createOpd: (body: TOpdInput) => api.post<TOpd>('/api/opds', body),
  updateOpd: (id: string, body: TOpdInput) => api.put<TOpd>(`/api/opds/${id}`, body),
  deleteOpd: (id: string) => api.del<void>(`/api/opds/${id}`),
  restoreOpd: (id: string) => api.post<TOpd>(`/api/opds/${id}/restore`, {}),

  units: (opdId: string) => api.get<TUnit[]>(`/api/opds/${opdId}/units`),
  createUnit: (body: TUnitInput) => api.post<TUnit>('/api/units', body),
  updateUnit: (id: string, body: TUnitInput) => api.put<TUnit>(`/api/units/${id}`, body),
  deleteUnit: (id: string) => api.del<void>(`/api/units/${id}`),

  positions: (q: QueryParams) => api.get<Page<TPosition>>('/api/positions', q),
  createPosition: (body: TPositionInput) => api.post<TPosition>('/api/positions', body),
  updatePosition: (id: string, body: TPositionInput) => api.put<TPosition>(`/api/positions/${id}`, body),
  deletePosition: (id: string) => api.del<void>(`/api/positions/${id}`),
  assignHolder: (id: string, body: TAssignHolderInput) => api.post<TPosition>(`/api/positions/${id}/holder`, body),
};

export const officialsDocumentUrl = (format: 'pdf' | 'docx' | 'xlsx') => `/api/documents/opd-officials?format=${format}`;

export const opdKinds = ['sekretariat', 'dinas', 'badan', 'kecamatan', 'kelurahan', 'inspektorat', 'rsud', 'lainnya'] as const;
export const unitKinds = ['sekretariat', 'bidang', 'bagian', 'seksi', 'subbagian', 'upt', 'lainnya'] as const;
export const positionKinds = ['struktural', 'fungsional', 'pelaksana'] as const;
