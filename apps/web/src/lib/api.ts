import { ApiError } from './api-error';
import { emitSessionEvent, markActivity } from './session-events';

export { ApiError, isApiError } from './api-error';

export const API_BASE = '/api/v1';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

type QueryValue = string | number | boolean | null | undefined;

export function queryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  form?: FormData;
  /** Session problems on this call are the caller's business (the login form). */
  quietSession?: boolean;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  try {
    return await fetch(`${API_BASE}${path}${queryString(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络', 'Cannot reach the server; check the network');
  }
}

async function check(res: Response, opts: RequestOptions): Promise<Response> {
  if (res.ok) {
    markActivity();
    return res;
  }
  const error = ApiError.fromBody(res.status, await res.json().catch(() => null));
  if (!opts.quietSession) {
    if (res.status === 401) emitSessionEvent({ kind: 'lost', error });
    else if (error.code === 'AUTH_MUST_CHANGE_PASSWORD') emitSessionEvent({ kind: 'must-change-password', error });
  }
  throw error;
}

/** Call the API; resolves with the parsed JSON, rejects with an ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await check(await send(method, path, opts), opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` (Chinese names). */
export function filenameOf(disposition: string): string | null {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      // malformed: fall back to the plain name
    }
  }
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
}

/** Fetch a file (CSV export) and hand it to the browser as a download. */
export async function download(path: string, fallbackName: string, query?: RequestOptions['query']): Promise<void> {
  const res = await check(await send('GET', path, { query }), {});
  const blob = await res.blob();
  const name = filenameOf(res.headers.get('content-disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: RequestOptions['query']) =>
    request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown, query?: RequestOptions['query']) => request<T>('PUT', path, { body, query }),
  upload: <T>(path: string, form: FormData, query?: RequestOptions['query']) =>
    request<T>('POST', path, { form, query }),
};
