/**
 * The one way the UI talks to the API: JSON in and out, the bearer token attached, and every
 * failure turned into an ApiError carrying the API's Chinese message.
 */
export interface ErrorBody {
  code: string;
  message: string;
  details: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'rectify.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Called on a 401, so the app can send the user back to the login page. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

const LOGIN_PATH = '/api/auth/login';

/**
 * `fetch` with the API's manners: the bearer token attached; a network failure, or any status
 * outside 2xx, thrown as an ApiError carrying the API's Chinese message; a 401 (other than a
 * failed login) reported to the unauthorized handler first. The generated client uses it too
 * (see rectify-api.ts).
 */
export async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokenStore.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器：请检查网络后重试。');
  }
  if (res.ok) return res;
  let error: ErrorBody = {
    code: `HTTP_${res.status}`,
    message: `请求失败（${res.status}）。`,
    details: null,
  };
  try {
    error = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON: keep the generic message.
  }
  const path = new URL(input instanceof Request ? input.url : input, window.location.origin).pathname;
  if (res.status === 401 && path !== LOGIN_PATH) onUnauthorized();
  throw new ApiError(res.status, error.code, error.message, error.details);
}

async function send(
  method: string,
  path: string,
  init: { query?: Query; body?: BodyInit; json?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  let body = init.body;
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return apiFetch(url(path, init.query), { method, headers, body });
}

export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    return (await send('GET', path, { query })).json() as Promise<T>;
  },
  async post<T>(path: string, json?: unknown): Promise<T> {
    return (await send('POST', path, { json: json ?? {} })).json() as Promise<T>;
  },
  async put<T>(path: string, json: unknown): Promise<T> {
    return (await send('PUT', path, { json })).json() as Promise<T>;
  },
  async patch<T>(path: string, json: unknown): Promise<T> {
    return (await send('PATCH', path, { json })).json() as Promise<T>;
  },
  async delete<T>(path: string): Promise<T> {
    return (await send('DELETE', path)).json() as Promise<T>;
  },
  /** multipart/form-data, e.g. a report or an evidence file. */
  async upload<T>(path: string, form: FormData): Promise<T> {
    return (await send('POST', path, { body: form })).json() as Promise<T>;
  },
  /** Fetches a file (with the token) and hands it to the browser as a download. */
  async download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
    const res = await send('GET', path, { query });
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    const name = encoded ? decodeURIComponent(encoded) : fallbackName;
    const blob = await res.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },
  /** Fetches a file (with the token) as a Blob of the type the server names, e.g. to show an image. */
  async blob(path: string): Promise<Blob> {
    return (await send('GET', path)).blob();
  },
  async text(path: string, query?: Query): Promise<string> {
    return (await send('GET', path, { query })).text();
  },
};
