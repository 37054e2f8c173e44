/**
 * Small option lists shared by several features (OPD select, units of an OPD, people picker).
 * Query keys start with the resource name so that feature mutations invalidate them too.
 */
import { useQuery } from '@tanstack/react-query';
import type { TOpd, TPerson, TUnit } from '@persada/shared';
import { api, type Page } from './api';

export function useOpdOptions(enabled = true) {
  return useQuery({
    queryKey: ['opds', 'options'],
    queryFn: () => api.get<Page<TOpd>>('/api/opds', { pageSize: 200, sort: 'name', dir: 'asc' }),
    select: (p) => p.items.filter((o) => !o.deletedAt).map((o) => ({ value: o.id, label: o.name, code: o.code })),
    staleTime: 60_000,
    enabled,
  });
}

export function useUnitsOf(opdId: string | null | undefined) {
  return useQuery({
    queryKey: ['units', opdId],
    queryFn: () => api.get<TUnit[]>(`/api/opds/${opdId}/units`),
    enabled: !!opdId,
    staleTime: 30_000,
  });
}

export type UnitNode = TUnit & { children: UnitNode[]; depth: number };

/** Builds the unit tree from `parentId` (orphans become roots). */
export function buildUnitTree(units: TUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u, children: [], depth: 0 });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent && parent.id !== n.id) parent.children.push(n);
    else roots.push(n);
  }
  const setDepth = (list: UnitNode[], depth: number, seen: Set<string>) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    for (const n of list) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      n.depth = depth;
      setDepth(n.children, depth + 1, seen);
    }
  };
  setDepth(roots, 0, new Set());
  return roots;
}

/** Depth-first flattening of the tree, e.g. for an indented <select>. */
export function flattenUnitTree(roots: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

export function usePeopleOptions(params: { opdId?: string | null; q?: string; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['people', 'options', params.opdId ?? null, params.q ?? ''],
    queryFn: () =>
      api.get<Page<TPerson>>('/api/people', {
        pageSize: 200,
        sort: 'fullName',
        dir: 'asc',
        opdId: params.opdId ?? undefined,
        q: params.q || undefined,
      }),
    select: (p) => p.items.filter((x) => !x.deletedAt),
    enabled: params.enabled ?? true,
    staleTime: 30_000,
  });
}

export function personDisplayName(p: Pick<TPerson, 'fullName' | 'frontTitle' | 'backTitle'>): string {
  return [p.frontTitle, p.fullName].filter(Boolean).join(' ') + (p.backTitle ? `, ${p.backTitle}` : '');
}

/** Select options for the active units of one OPD, indented by their depth in the tree. */
export function useUnitOptions(opdId: string | null | undefined) {
  const units = useUnitsOf(opdId || null);
  return flattenUnitTree(buildUnitTree((units.data ?? []).filter((u) => !u.deletedAt))).map((u) => ({
    value: u.id,
    label: `${'— '.repeat(u.depth)}${u.name}`,
  }));
}
