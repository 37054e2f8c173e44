import type { z } from 'zod';
import type { ZSession } from '@persada/shared';
import { api } from '@/lib/api';

export type Session = z.output<typeof ZSession>;
export type ApiToken = { id: string; name: string; scopes: string[]; expiresAt: string | null; lastUsedAt: string | null; createdAt: string };

export const profileApi = {
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', body),
  totpSetup: () => api.post<{ secret: string; otpauthUrl: string; qrSvg: string }>('/api/me/totp/setup', {}),
  totpEnable: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/totp/enable', { code }),
  totpDisable: (password: string) => api.post<void>('/api/me/totp/disable', { password }),
  sessions: () => api.get<Session[]>('/api/me/sessions'),
  revokeSession: (id: string) => api.del<void>(`/api/me/sessions/${id}`),
  tokens: () => api.get<ApiToken[]>('/api/me/tokens'),
  createToken: (body: { name: string; scopes: string[]; expiresInDays: number }) => api.post<{ id: string; token: string }>('/api/me/tokens', body),
  revokeToken: (id: string) => api.del<void>(`/api/me/tokens/${id}`),
};
