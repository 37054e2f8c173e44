import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TMe } from '@persada/shared';
import { api, isApiError } from './api';

export type Me = TMe;

/** `GET /api/auth/me`; resolves to null when not logged in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me', undefined, { skipAuthRedirect: true });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: fetchMe,
  staleTime: 60_000,
  retry: false,
});

export function useMe(): Me | null {
  const { data } = useQuery(meQueryOptions);
  return data ?? null;
}

export function hasPermission(me: Me | null | undefined, perm: string | string[] | undefined): boolean {
  if (!perm) return true;
  if (!me) return false;
  const list = Array.isArray(perm) ? perm : [perm];
  return list.some((p) => me.permissions.includes(p));
}

export function usePermission(perm: string | string[]): boolean {
  return hasPermission(useMe(), perm);
}
