/**
 * Test double for the API boundary: replaces global `fetch` with a small router of handlers.
 * Handlers receive the parsed request and return `{ status?, body? }` (JSON) or a problem.
 */
import { vi } from 'vitest';
import type { TMe } from '@persada/shared';
import { allPermissions } from '@persada/shared';

export type FakeRequest = { method: string; path: string; query: URLSearchParams; body: any };
export type FakeResponse = { status?: number; body?: unknown; problem?: boolean };
export type Handler = (req: FakeRequest) => FakeResponse | unknown;

export type FakeApi = {
  calls: FakeRequest[];
  /** Adds or replaces a handler, e.g. `on('DELETE /api/opds/:id', ...)`. */
  on: (route: string, h: Handler) => void;
  callsTo: (method: string, path: string | RegExp) => FakeRequest[];
};

function match(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.replace(/:[a-zA-Z]+/g, '[^/]+') + '$');
  return re.test(path);
}

export function problem(status: number, title: string, detail: string, errors?: { field: string; message: string; message_en: string }[]): FakeResponse {
  return {
    status,
    problem: true,
    body: { type: 'about:blank', title, status, code: 'error', detail, title_en: title, detail_en: detail, errors },
  };
}

export function installFakeApi(routes: Record<string, Handler>): FakeApi {
  const table = new Map(Object.entries(routes));
  const calls: FakeRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const req: FakeRequest = { method, path: url.pathname, query: url.searchParams, body };
    calls.push(req);
    let handler: Handler | undefined;
    for (const [route, h] of table) {
      const [m, p] = route.split(' ');
      if (m === method && match(p, url.pathname)) {
        handler = h;
        break;
      }
    }
    if (!handler) {
      return new Response(JSON.stringify({ title: 'Not mocked', detail: `${method} ${url.pathname}`, status: 404 }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const out = handler(req) as FakeResponse | unknown;
    const res: FakeResponse = out && typeof out === 'object' && ('status' in (out as any) || 'problem' in (out as any)) ? (out as FakeResponse) : { body: out };
    const status = res.status ?? 200;
    return new Response(JSON.stringify(res.body ?? { ok: true }), {
      status,
      headers: { 'content-type': res.problem || status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    on: (route, h) => {
      table.delete(route);
      // New handlers win over older ones.
      const rest = [...table];
      table.clear();
      table.set(route, h);
      for (const [k, v] of rest) table.set(k, v);
    },
    callsTo: (method, path) =>
      calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))),
  };
}

export const OPD_ID = '11111111-1111-4111-8111-111111111111';
export const OPD2_ID = '22222222-2222-4222-8222-222222222222';

export function makeMe(over: Partial<TMe> = {}): TMe {
  return {
    userId: '99999999-9999-4999-8999-999999999999',
    email: 'admin@contohkab.go.id',
    displayName: 'Admin Persada',
    tenant: { id: '88888888-8888-4888-8888-888888888888', name: 'Pemerintah Kabupaten Contoh', slug: 'contoh' },
    personId: null,
    roles: [{ code: 'admin', name: 'Administrator Sistem', name_en: 'System administrator', opdId: null }],
    permissions: [...allPermissions],
    totpEnabled: false,
    mfaPending: false,
    mustChangePassword: false,
    locale: 'id',
    ...over,
  };
}

export const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 25 });

export function makeOpd(over: Record<string, unknown> = {}) {
  return {
    id: OPD_ID,
    code: '2.16',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'DISKOMINFO',
    kind: 'dinas',
    isPersandianDinas: true,
    address: null,
    email: null,
    headName: 'Budi Santoso',
    unitCount: 2,
    peopleCount: 5,
    deletedAt: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Handlers every logged-in screen needs (me, unread count, lookups). */
export function baseRoutes(me: TMe | null = makeMe()): Record<string, Handler> {
  return {
    'GET /api/auth/me': () => (me ? me : problem(401, 'Silakan masuk terlebih dahulu.', 'Silakan masuk terlebih dahulu.')),
    'GET /api/auth/sso/config': () => ({ enabled: false, label: '' }),
    'GET /api/notifications/unread-count': () => ({ count: 3 }),
    'GET /api/opds': () => page([makeOpd(), makeOpd({ id: OPD2_ID, code: '1.01', name: 'Badan Kepegawaian Daerah', shortName: 'BKD', isPersandianDinas: false })]),
    'GET /api/opds/:id/units': () => [],
    'GET /api/people': () => page([]),
    'PATCH /api/me/preferences': () => ({ ok: true }),
  };
}
