/**
 * API client. Same-origin fetch with the HttpOnly session cookie; JSON in and out;
 * RFC 9457 problem+json errors become an ApiError carrying Indonesian and English texts.
 */
import i18n from 'i18next';

export type ApiFieldError = { field: string; message: string; message_en: string };

export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  title_en?: string;
  detail_en?: string;
  errors?: ApiFieldError[];
  requestId?: string;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly title_en: string;
  readonly detail_en: string;
  readonly errors: ApiFieldError[];
  readonly requestId?: string;

  constructor(status: number, p: Problem) {
    super(p.detail_en || p.detail || p.title_en || p.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = p.code ?? `http_${status}`;
    this.title = p.title ?? p.title_en ?? `HTTP ${status}`;
    this.detail = p.detail ?? p.detail_en ?? '';
    this.title_en = p.title_en ?? this.title;
    this.detail_en = p.detail_en ?? this.detail;
    this.errors = p.errors ?? [];
    this.requestId = p.requestId;
  }

  /** Title in the given language (Indonesian by default). */
  localizedTitle(lang: string = i18n.language): string {
    return lang === 'en' ? this.title_en : this.title;
  }

  /** Detail in the given language (Indonesian by default). */
  localizedDetail(lang: string = i18n.language): string {
    return lang === 'en' ? this.detail_en : this.detail;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type AuthProblem = 'unauthenticated' | 'must_change_password';

/** Called on 401 (session expired) or 403 `auth.must_change_password` of ordinary requests. Set by the app. */
let unauthorizedHandler: ((reason: AuthProblem) => void) | null = null;
export function setUnauthorizedHandler(fn: ((reason: AuthProblem) => void) | null) {
  unauthorizedHandler = fn;
}

export function isAuthRedirectError(e: unknown): boolean {
  return isApiError(e) && (e.status === 401 || e.code === 'auth.must_change_password');
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `a=1&b=x`, dropping undefined, null and empty strings. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  return sp.toString();
}

export function withQuery(path: string, params?: QueryParams): string {
  const qs = toQueryString(params);
  if (!qs) return path;
  return path + (path.includes('?') ? '&' : '?') + qs;
}

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  /** Do not run the global "session expired" handler on 401 (auth endpoints). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
};

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  const lang = i18n.language === 'en' ? 'en' : 'id';
  headers['accept-language'] = lang === 'en' ? 'en' : 'id';

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'include',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, {
      code: 'network',
      title: 'Tidak dapat terhubung ke server',
      detail: 'Periksa koneksi jaringan Anda lalu coba lagi.',
      title_en: 'Cannot reach the server',
      detail_en: 'Check your network connection and try again.',
    });
  }

  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    let problem: Problem = {};
    if (type.includes('json')) {
      try {
        problem = (await res.json()) as Problem;
      } catch {
        problem = {};
      }
    }
    const err = new ApiError(res.status, problem);
    if (!opts.skipAuthRedirect) {
      if (res.status === 401) unauthorizedHandler?.('unauthenticated');
      else if (err.code === 'auth.must_change_password') unauthorizedHandler?.('must_change_password');
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, opts),
};

/** A server page: `{items,total,page,pageSize}`. */
/** A server page; `totalCapped` means the server stopped counting at `total` (shown as "N+"). */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalCapped?: boolean };

/** Human-readable text of any error in the current language. */
export function errorText(e: unknown, lang: string = i18n.language): string {
  if (isApiError(e)) {
    const d = e.localizedDetail(lang);
    const t = e.localizedTitle(lang);
    return d || t;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}
