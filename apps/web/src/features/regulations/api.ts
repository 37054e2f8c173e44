import i18n from 'i18next';
import type {
  TAttestation,
  TAttestationInput,
  TComplianceDashboard,
  TComplianceLink,
  TRegulationCompliance,
  TRegulationDetail,
  TRegulationSummary,
} from '@persada/shared';
import { api, ApiError, type Page, type Problem, type QueryParams } from '@/lib/api';

export type ImportResult = { id: string; code: string; version: number; articleCount: number; obligationCount: number };
export type FileMeta = { id: string; name: string };

/** Multipart upload with the same problem+json handling as `api`. */
async function upload<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: fd, credentials: 'include', headers: { accept: 'application/json, application/problem+json', 'accept-language': i18n.language === 'en' ? 'en' : 'id' } });
  } catch {
    throw new ApiError(0, {
      code: 'network',
      title: 'Tidak dapat terhubung ke server',
      detail: 'Periksa koneksi jaringan Anda lalu coba lagi.',
      title_en: 'Cannot reach the server',
      detail_en: 'Check your network connection and try again.',
    });
  }
  if (!res.ok) {
    let p: Problem = {};
    try {
      p = (await res.json()) as Problem;
    } catch {
      p = {};
    }
    throw new ApiError(res.status, p);
  }
  return (await res.json()) as T;
}

export const regulationsApi = {
  list: (q: QueryParams) => api.get<Page<TRegulationSummary>>('/api/regulations', q),
  get: (id: string) => api.get<TRegulationDetail>(`/api/regulations/${id}`),
  bind: (id: string, bound: boolean) => api.put<TRegulationDetail>(`/api/regulations/${id}/binding`, { bound }),
  importFile: (file: File, bind: boolean) => upload<ImportResult>('/api/regulations/import', file, { bind: String(bind) }),
  uploadEvidence: (file: File) => upload<FileMeta>('/api/files', file),

  overview: () => api.get<TRegulationCompliance[]>('/api/compliance'),
  dashboard: () => api.get<TComplianceDashboard>('/api/compliance/dashboard'),
  compliance: (id: string) => api.get<TRegulationCompliance>(`/api/compliance/regulations/${id}`),
  links: (entity: string, id: string) => api.get<TComplianceLink[]>('/api/compliance/links', { entity, id }),
  attest: (body: TAttestationInput) => api.post<TAttestation>('/api/compliance/attestations', body),
  revoke: (id: string) => api.post<TAttestation>(`/api/compliance/attestations/${id}/revoke`, {}),
};

export const TEMPLATE_URL = '/api/regulations/template.xlsx';
export const complianceExportUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/compliance/regulations/${id}/export?format=${format}`;
