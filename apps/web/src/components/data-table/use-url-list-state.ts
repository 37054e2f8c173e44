import * as React from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';

/** Drops undefined, null and '' so that URLs stay short. */
export function cleanSearch<T extends Record<string, unknown>>(s: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out as Partial<T>;
}

/**
 * URL-held list state for the current route (search params validated by the route's
 * `validateSearch`). Returns the validated search and a patching setter that replaces history.
 */
export function useUrlListState<S extends Record<string, unknown>>() {
  const raw: unknown = useSearch({ strict: false });
  const search = raw as S;
  const navigate = useNavigate();
  const setSearch = React.useCallback(
    (patch: Partial<S>) => {
      void navigate({
        to: '.',
        search: ((prev: Record<string, unknown>) => cleanSearch({ ...prev, ...patch })) as never,
        replace: true,
      });
    },
    [navigate],
  );
  return [search, setSearch] as const;
}
