import type {
  TCertApplication,
  TCertApplicationDetail,
  TCertApplicationInput,
  TCertificate,
  TCertNeed,
  TComplaint,
  TComplaintInput,
  TComplaintUpdateInput,
  TDecisionInput,
  TEvaluation,
  TCertEvaluationInput,
  TIssueInput,
  TMyRaStatus,
  TNeedInput,
  TNeedSummaryRow,
  TProviderAgreement,
  TProviderAgreementInput,
  TRaOperator,
  TRevocation,
  TRevocationRequestInput,
  TRevokeInput,
  TUsageReport,
} from '@persada/shared';
import i18n from 'i18next';
import { ApiError, api, type Page, type QueryParams } from '@/lib/api';

const base = '/api/certificates';
export type CertDetail = TCertificate & { revocations: TRevocation[] };

/** Uploads one file (multipart); the server stores it encrypted (classified). */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  const res = await fetch(`${base}/uploads`, {
    method: 'POST',
    body: fd,
    credentials: 'include',
    headers: { 'accept-language': i18n.language === 'en' ? 'en' : 'id' },
  });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  return res.json();
}

export const certApi = {
  applications: (q: QueryParams) => api.get<Page<TCertApplication>>(`${base}/applications`, q),
  application: (id: string) => api.get<TCertApplicationDetail>(`${base}/applications/${id}`),
  createApplication: (body: TCertApplicationInput) => api.post<TCertApplicationDetail>(`${base}/applications`, body),
  updateApplication: (id: string, body: TCertApplicationInput) => api.put<TCertApplicationDetail>(`${base}/applications/${id}`, body),
  attach: (id: string, requirement: string, fileId: string) =>
    api.post<TCertApplicationDetail>(`${base}/applications/${id}/documents`, { requirement, fileId }),
  submit: (id: string) => api.post<TCertApplicationDetail>(`${base}/applications/${id}/submit`),
  cancel: (id: string) => api.post<TCertApplicationDetail>(`${base}/applications/${id}/cancel`),
  decide: (id: string, body: TDecisionInput) => api.post<TCertApplicationDetail>(`${base}/applications/${id}/decision`, body),
  issue: (id: string, body: TIssueInput) => api.post<TCertificate>(`${base}/applications/${id}/issue`, body),
  documentUrl: (linkId: string) => `${base}/documents/${linkId}`,

  certs: (q: QueryParams) => api.get<Page<TCertificate>>(`${base}/certs`, q),
  cert: (id: string) => api.get<CertDetail>(`${base}/certs/${id}`),
  receiptUrl: (id: string) => `${base}/certs/${id}/receipt`,
  renew: (id: string) => api.post<{ applicationId: string }>(`${base}/certs/${id}/renew`),
  requestRevocation: (id: string, body: TRevocationRequestInput) => api.post<TRevocation>(`${base}/certs/${id}/revocation-requests`, body),
  revoke: (id: string, body: TRevokeInput) => api.post<TRevocation>(`${base}/certs/${id}/revoke`, body),

  revocations: () => api.get<TRevocation[]>(`${base}/revocations`),
  decideRevocation: (id: string, body: { decision: 'revoke' | 'reject'; note?: string | null }) =>
    api.post<TRevocation>(`${base}/revocations/${id}/decision`, body),
  incidentReport: (id: string, body: { reportedToHeadAt?: string | null; reportedToBssnAt?: string | null; bssnReference?: string | null }) =>
    api.put<TRevocation>(`${base}/revocations/${id}/incident-report`, body),

  needs: (q: QueryParams) => api.get<Page<TCertNeed>>(`${base}/needs`, q),
  needsSummary: (year: number) => api.get<TNeedSummaryRow[]>(`${base}/needs/summary`, { year }),
  createNeed: (body: TNeedInput) => api.post<TCertNeed>(`${base}/needs`, body),
  updateNeed: (id: string, body: TNeedInput) => api.put<TCertNeed>(`${base}/needs/${id}`, body),
  deleteNeed: (id: string) => api.del<void>(`${base}/needs/${id}`),
  analyseNeed: (id: string, body: { priority: string; analysisNotes?: string | null }) => api.post<TCertNeed>(`${base}/needs/${id}/analysis`, body),

  operators: () => api.get<TRaOperator[]>(`${base}/ra-operators`),
  myOperator: () => api.get<TMyRaStatus>(`${base}/ra-operators/me`),
  appoint: (body: { userId: string; decreeNumber: string; decreeDate: string }) => api.post<TRaOperator>(`${base}/ra-operators`, body),
  endAppointment: (id: string) => api.post<TRaOperator>(`${base}/ra-operators/${id}/end`),
  issueRaCertificate: (spki: string) => api.post<TRaOperator>(`${base}/ra-operators/me/certificate`, { spki }),
  recordRaCertificate: (id: string, certPem: string) => api.post<TRaOperator>(`${base}/ra-operators/${id}/certificate`, { certPem }),

  complaints: () => api.get<TComplaint[]>(`${base}/complaints`),
  createComplaint: (body: TComplaintInput) => api.post<TComplaint>(`${base}/complaints`, body),
  updateComplaint: (id: string, body: TComplaintUpdateInput) => api.put<TComplaint>(`${base}/complaints/${id}`, body),

  statistics: (year: number) => api.get<TUsageReport>(`${base}/statistics`, { year }),
  statisticsExportUrl: (year: number, format: 'xlsx' | 'csv') => `${base}/statistics/export?year=${year}&format=${format}`,
  evaluations: () => api.get<TEvaluation[]>(`${base}/evaluations`),
  saveEvaluation: (body: TCertEvaluationInput) => api.put<TEvaluation>(`${base}/evaluations`, body),
  agreements: () => api.get<TProviderAgreement[]>(`${base}/provider-agreements`),
  saveAgreement: (body: TProviderAgreementInput) => api.post<TProviderAgreement>(`${base}/provider-agreements`, body),
  updateAgreement: (id: string, body: TProviderAgreementInput) => api.put<TProviderAgreement>(`${base}/provider-agreements/${id}`, body),
  agreementFileUrl: (id: string) => `${base}/provider-agreements/${id}/file`,
};

export const currentYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
export const formatDate = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(iso)) : '—';
export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(
        new Date(iso),
      )
    : '—';
