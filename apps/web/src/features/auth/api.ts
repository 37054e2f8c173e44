import { api } from '@/lib/api';

export type SsoConfig = { enabled: boolean; label: string };

export const authApi = {
  login: (body: { email: string; password: string }) =>
    api.post<{ mfaRequired: boolean }>('/api/auth/login', body, { skipAuthRedirect: true }),
  verifyTotp: (code: string) => api.post<{ ok: true }>('/api/auth/totp/verify', { code }, { skipAuthRedirect: true }),
  logout: () => api.post<void>('/api/auth/logout', {}, { skipAuthRedirect: true }),
  ssoConfig: () => api.get<SsoConfig>('/api/auth/sso/config', undefined, { skipAuthRedirect: true }),
};

export const SSO_START_URL = '/api/auth/sso/start';
