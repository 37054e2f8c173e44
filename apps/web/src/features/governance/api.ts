import type {
  TArchitecture,
  TArchitectureInput,
  TBcdr,
  TBcdrInput,
  TControl,
  TControlInput,
  TControlStatusInput,
  TEvaluationInput,
  TPolicy,
  TPolicyInput,
  TPolicyTransition,
  TSop,
  TSopInput,
  TStrategicPlan,
  TStrategicPlanInput,
  TTeam,
  TTeamInput,
} from '@persada/shared';
import { api, type Page } from '@/lib/api';

const P = '/api/governance';
type In<T> = Partial<T> & Record<string, unknown>;

export const govApi = {
  plans: () => api.get<TStrategicPlan[]>(`${P}/plans`),
  createPlan: (b: In<TStrategicPlanInput>) => api.post<TStrategicPlan>(`${P}/plans`, b),
  updatePlan: (id: string, b: In<TStrategicPlanInput>) => api.put<TStrategicPlan>(`${P}/plans/${id}`, b),
  deletePlan: (id: string) => api.del<void>(`${P}/plans/${id}`),

  architectures: () => api.get<TArchitecture[]>(`${P}/architectures`),
  createArchitecture: (b: In<TArchitectureInput>) => api.post<TArchitecture>(`${P}/architectures`, b),
  updateArchitecture: (id: string, b: In<TArchitectureInput>) => api.put<TArchitecture>(`${P}/architectures/${id}`, b),
  recordEvaluation: (id: string, b: In<TEvaluationInput>) => api.post<TArchitecture>(`${P}/architectures/${id}/evaluations`, b),

  controls: (kind: 'rule' | 'procedure') => api.get<TControl[]>(`${P}/controls`, { kind }),
  updateControl: (id: string, b: In<TControlInput>) => api.put<TControl>(`${P}/controls/${id}`, b),
  setControlStatus: (id: string, b: In<TControlStatusInput>) => api.put<TControl>(`${P}/controls/${id}/status`, b),

  policies: (q: { kind?: string; status?: string; q?: string; includeDeleted?: boolean }) => api.get<TPolicy[]>(`${P}/policies`, q),
  createPolicy: (b: In<TPolicyInput> & { supersedesId?: string | null }) => api.post<TPolicy>(`${P}/policies`, b),
  updatePolicy: (id: string, b: In<TPolicyInput>) => api.put<TPolicy>(`${P}/policies/${id}`, b),
  transitionPolicy: (id: string, b: In<TPolicyTransition>) => api.post<TPolicy>(`${P}/policies/${id}/transition`, b),
  deletePolicy: (id: string) => api.del<void>(`${P}/policies/${id}`),
  restorePolicy: (id: string) => api.post<TPolicy>(`${P}/policies/${id}/restore`, {}),

  team: () => api.get<TTeam>(`${P}/team`),
  saveTeam: (b: In<TTeamInput>) => api.put<TTeam>(`${P}/team`, b),

  sops: (q: { q?: string; includeDeleted?: boolean }) => api.get<TSop[]>(`${P}/sops`, q),
  sop: (id: string) => api.get<TSop>(`${P}/sops/${id}`),
  createSop: (b: In<TSopInput>) => api.post<TSop>(`${P}/sops`, b),
  updateSop: (id: string, b: In<TSopInput>) => api.put<TSop>(`${P}/sops/${id}`, b),
  deleteSop: (id: string) => api.del<void>(`${P}/sops/${id}`),
  restoreSop: (id: string) => api.post<TSop>(`${P}/sops/${id}/restore`, {}),

  bcdr: (q: { q?: string; includeDeleted?: boolean }) => api.get<TBcdr[]>(`${P}/bcdr`, q),
  createBcdr: (b: In<TBcdrInput>) => api.post<TBcdr>(`${P}/bcdr`, b),
  updateBcdr: (id: string, b: In<TBcdrInput>) => api.put<TBcdr>(`${P}/bcdr/${id}`, b),
  deleteBcdr: (id: string) => api.del<void>(`${P}/bcdr/${id}`),
  restoreBcdr: (id: string) => api.post<TBcdr>(`${P}/bcdr/${id}/restore`, {}),

  /** People of the Pemda (for the team and SOP approver pickers). */
  people: (q?: string) => api.get<Page<{ id: string; fullName: string; nip: string | null; opdName: string | null; positionName: string | null }>>('/api/people', { q, pageSize: 200 }),
  opds: () => api.get<Page<{ id: string; name: string; shortName: string | null }>>('/api/opds', { pageSize: 200 }),
};

export const sopDocumentUrl = (id: string, format: 'pdf' | 'docx') => `${P}/sops/${id}/document?format=${format}`;

/** One item per line (textarea) ↔ string list. */
export const linesOf = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
export const textOf = (xs: string[] | null | undefined) => (xs ?? []).join('\n');
