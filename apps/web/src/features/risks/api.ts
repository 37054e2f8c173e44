import type {
  TApprovalInput,
  THeatmap,
  TMonitoring,
  TMonitoringInput,
  TRisk,
  TRiskContext,
  TRiskContextInput,
  TRiskDetail,
  TRiskInput,
  TRiskSettings,
  TTreatment,
  TTreatmentInput,
} from '@persada/shared';
import { api, withQuery, type Page, type QueryParams } from '@/lib/api';

export const risksApi = {
  settings: () => api.get<TRiskSettings>('/api/risk-settings'),
  saveSettings: (body: TRiskSettings) => api.put<TRiskSettings>('/api/risk-settings', body),
  resetSettings: () => api.post<TRiskSettings>('/api/risk-settings/reset', {}),

  contexts: (q: QueryParams) => api.get<Page<TRiskContext>>('/api/risk-contexts', q),
  createContext: (body: TRiskContextInput) => api.post<TRiskContext>('/api/risk-contexts', body),
  updateContext: (id: string, body: TRiskContextInput) => api.put<TRiskContext>(`/api/risk-contexts/${id}`, body),
  deleteContext: (id: string) => api.del<void>(`/api/risk-contexts/${id}`),
  cloneContext: (id: string, year: number) => api.post<TRiskContext>(`/api/risk-contexts/${id}/clone`, { year }),

  risks: (q: QueryParams) => api.get<Page<TRisk>>('/api/risks', q),
  risk: (id: string) => api.get<TRiskDetail>(`/api/risks/${id}`),
  createRisk: (body: TRiskInput) => api.post<TRiskDetail>('/api/risks', body),
  updateRisk: (id: string, body: TRiskInput) => api.put<TRiskDetail>(`/api/risks/${id}`, body),
  deleteRisk: (id: string) => api.del<void>(`/api/risks/${id}`),
  restoreRisk: (id: string) => api.post<TRiskDetail>(`/api/risks/${id}/restore`, {}),
  decide: (id: string, body: TApprovalInput) => api.post<TRiskDetail>(`/api/risks/${id}/approval`, body),
  heatmap: (q: QueryParams) => api.get<THeatmap>('/api/risks/heatmap', q),

  addTreatment: (riskId: string, body: TTreatmentInput) => api.post<TTreatment>(`/api/risks/${riskId}/treatments`, body),
  updateTreatment: (id: string, body: TTreatmentInput) => api.put<TTreatment>(`/api/risk-treatments/${id}`, body),
  deleteTreatment: (id: string) => api.del<void>(`/api/risk-treatments/${id}`),
  addMonitoring: (riskId: string, body: TMonitoringInput) => api.post<TMonitoring>(`/api/risks/${riskId}/monitorings`, body),
  deleteMonitoring: (id: string) => api.del<void>(`/api/risk-monitorings/${id}`),
};

export const formsUrl = (contextId: string, form: 'all' | 'konteks' | 'penilaian' | 'penanganan' | 'pemantauan') =>
  withQuery(`/api/risk-contexts/${contextId}/forms`, { form });

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const currentYear = () => new Date().getFullYear();
