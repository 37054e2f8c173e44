import type { z } from 'zod';
import type { ZRole, ZRoleInput, ZUser, ZUserInput } from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

export type Role = z.output<typeof ZRole>;
export type RoleInput = z.output<typeof ZRoleInput>;
export type User = z.output<typeof ZUser>;
export type UserInput = z.output<typeof ZUserInput>;
export type PermissionInfo = { code: string; module: string; name: string; nameEn: string };
export type RoleGrant = { roleId: string; opdId?: string | null };

export const accessApi = {
  permissions: () => api.get<PermissionInfo[]>('/api/permissions'),
  roles: () => api.get<Role[]>('/api/roles'),
  createRole: (body: RoleInput) => api.post<Role>('/api/roles', body),
  updateRole: (id: string, body: Omit<RoleInput, 'code'>) => api.put<Role>(`/api/roles/${id}`, body),
  deleteRole: (id: string) => api.del<void>(`/api/roles/${id}`),

  users: (q: QueryParams) => api.get<Page<User>>('/api/users', q),
  createUser: (body: UserInput) => api.post<{ id: string; temporaryPassword: string }>('/api/users', body),
  setRoles: (id: string, roles: RoleGrant[]) => api.put<User>(`/api/users/${id}/roles`, { roles }),
  activate: (id: string) => api.post<void>(`/api/users/${id}/activate`, {}),
  deactivate: (id: string) => api.post<void>(`/api/users/${id}/deactivate`, {}),
  unlock: (id: string) => api.post<void>(`/api/users/${id}/unlock`, {}),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`, {}),
};

export const rolesQuery = { queryKey: ['roles'] as const, queryFn: accessApi.roles, staleTime: 30_000 };
export const permissionsQuery = { queryKey: ['permissions'] as const, queryFn: accessApi.permissions, staleTime: 300_000 };

export function isLocked(u: Pick<User, 'lockedUntil'>): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}
