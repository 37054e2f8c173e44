import type { TRecipient, TSigningRequest, TTrustedRoot, TVerifyReport } from '@persada/shared';
import i18n from 'i18next';
import { api, ApiError, type Page, type QueryParams } from '@/lib/api';

export type Candidate = { id: string; displayName: string; email: string; nip: string | null };
export type Prepared = { toBeSignedB64: string; digestHex: string; documentSha256: string; signingTime: string; fieldName: string };

/** multipart POST (the JSON client does not send files). */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'include', headers: { accept: 'application/json, application/problem+json', 'accept-language': i18n.language === 'en' ? 'en' : 'id' } });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json as T;
}

export const signingApi = {
  list: (q: QueryParams) => api.get<Page<TSigningRequest>>('/api/signing/requests', q),
  get: (id: string) => api.get<TSigningRequest>(`/api/signing/requests/${id}`),
  candidates: (q?: string) => api.get<Candidate[]>('/api/signing/candidates', { q }),
  create: (file: File, meta: { title: string; docNumber?: string | null; signers: { userId: string; position?: string | null }[] }) => {
    const f = new FormData();
    f.set('meta', JSON.stringify(meta));
    f.set('file', file);
    return postForm<TSigningRequest>('/api/signing/requests', f);
  },
  prepare: (id: string, body: { certificatePem: string; password: string }) => api.post<Prepared>(`/api/signing/requests/${id}/prepare`, body),
  complete: (id: string, signatureB64: string) => api.post<TSigningRequest>(`/api/signing/requests/${id}/complete`, { signatureB64 }),
  cancel: (id: string) => api.post<TSigningRequest>(`/api/signing/requests/${id}/cancel`, {}),
  fileUrl: (id: string) => `/api/signing/requests/${id}/file`,
  smimePrepare: (body: { certificatePem: string; content: string }) => api.post<{ toBeSignedB64: string; signingTime: string; canonicalContent: string }>('/api/signing/smime/prepare', body),
  smimeComplete: (body: { certificatePem: string; content: string; signingTime: string; signatureB64: string }) => api.post<{ message: string }>('/api/signing/smime/complete', body),
};

/** Trusted roots of the verifier (CA administrators) and recipients of protected documents. */
export const trustApi = {
  list: () => api.get<TTrustedRoot[]>('/api/signing/trusted-roots'),
  add: (certificate: string) => api.post<TTrustedRoot>('/api/signing/trusted-roots', { certificate }),
  setEnabled: (id: string, enabled: boolean) => api.put<TTrustedRoot>(`/api/signing/trusted-roots/${id}/enabled`, { enabled }),
  remove: (id: string) => api.del<{ ok: boolean }>(`/api/signing/trusted-roots/${id}`),
  recipients: (q?: string) => api.get<TRecipient[]>('/api/signing/recipients', { q }),
};

export const verifyApi = {
  upload: (file: File) => {
    const f = new FormData();
    f.set('file', file);
    // the verifier opened from a Pemda's link (?pemda=<slug>) also trusts that Pemda's added roots
    const pemda = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('pemda');
    return postForm<TVerifyReport>(`/api/verify/pdf${pemda && /^[a-z0-9-]{1,64}$/.test(pemda) ? `?pemda=${pemda}` : ''}`, f);
  },
  stored: (id: string) => api.get<TVerifyReport>(`/api/verify/documents/${id}`),
};
