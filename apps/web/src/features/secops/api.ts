import type {
  TSecopsActivity,
  TSecopsActivityInput,
  TSecopsFinding,
  TSecopsFindingInput,
  TSecopsFindingStatusInput,
  TSecopsOverview,
  TSocCoverage,
  TSocCoverageInput,
  TSocProfile,
  TSocProfileInput,
  TSocReport,
  TSocReportInput,
} from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

const P = '/api/secops';
// Bodies are validated by the server (zod); the forms send plain strings for the enums.
type In<_T> = Record<string, unknown>;
export type TargetOption = { targetKind: 'application' | 'device' | 'area'; id: string; label: string; opdName: string | null };

export const secopsApi = {
  targets: () => api.get<TargetOption[]>(`${P}/targets`),
  overview: () => api.get<TSecopsOverview>(`${P}/overview`),
  activities: (q: QueryParams) => api.get<Page<TSecopsActivity>>(`${P}/activities`, q),
  activity: (id: string) => api.get<TSecopsActivity>(`${P}/activities/${id}`),
  createActivity: (b: In<TSecopsActivityInput>) => api.post<TSecopsActivity>(`${P}/activities`, b),
  updateActivity: (id: string, b: In<TSecopsActivityInput>) => api.put<TSecopsActivity>(`${P}/activities/${id}`, b),
  deleteActivity: (id: string) => api.del<void>(`${P}/activities/${id}`),
  createFinding: (activityId: string, b: In<TSecopsFindingInput>) => api.post<TSecopsFinding>(`${P}/activities/${activityId}/findings`, b),
  findings: (q: QueryParams) => api.get<Page<TSecopsFinding>>(`${P}/findings`, q),
  updateFinding: (id: string, b: In<TSecopsFindingInput>) => api.put<TSecopsFinding>(`${P}/findings/${id}`, b),
  setFindingStatus: (id: string, b: In<TSecopsFindingStatusInput>) => api.post<TSecopsFinding>(`${P}/findings/${id}/status`, b),
  deleteFinding: (id: string) => api.del<void>(`${P}/findings/${id}`),

  soc: () => api.get<TSocProfile | null>(`${P}/soc`),
  saveSoc: (b: In<TSocProfileInput>) => api.put<TSocProfile>(`${P}/soc`, b),
  coverage: () => api.get<TSocCoverage[]>(`${P}/coverage`),
  addCoverage: (b: In<TSocCoverageInput>) => api.post<TSocCoverage>(`${P}/coverage`, b),
  removeCoverage: (id: string) => api.del<void>(`${P}/coverage/${id}`),
  reports: () => api.get<TSocReport[]>(`${P}/reports`),
  createReport: (b: In<TSocReportInput>) => api.post<TSocReport>(`${P}/reports`, b),
  updateReport: (id: string, b: In<TSocReportInput>) => api.put<TSocReport>(`${P}/reports/${id}`, b),
  deleteReport: (id: string) => api.del<void>(`${P}/reports/${id}`),
  people: (q: string) => api.get<Page<{ id: string; fullName: string; opdName?: string | null }>>('/api/people', { q, pageSize: 20 }),
};
export const reportDocumentHref = (id: string, format: 'pdf' | 'xlsx') => `${P}/reports/${id}/document?format=${format}`;
