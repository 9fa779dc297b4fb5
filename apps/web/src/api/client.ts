// The one typed fetch client of the web UI: JSON in and out, the bearer token from login (kept in
// localStorage), the UI language as Accept-Language, every failure as an ApiError with the API's body.
import { ApiError, toErrorBody } from './errors';
import { buildQuery, type QueryParams } from './query';

const TOKEN_KEY = 'zs.token';

let language = 'zh-CN';
let unauthorizedHandler: (() => void) | null = null;

export const session = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
  },
};

/** The language the API answers in (labels of dictionaries, milestones, the briefing): follows the UI switch. */
export function setApiLanguage(value: string): void {
  language = value;
}

/** Called on any 401 of an authenticated call (expired token): the app signs out and shows the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function headersFor(options: RequestOptions, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language, ...(options.headers ?? {}) };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

async function send(method: string, path: string, options: RequestOptions, body?: BodyInit, json = false): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${path}${buildQuery(options.query)}`, { method, headers: headersFor(options, json), body, signal: options.signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, toErrorBody(0, null));
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: a proxy's page */
    }
    if (response.status === 401 && session.token() && !path.endsWith('/auth/login')) unauthorizedHandler?.();
    throw new ApiError(response.status, toErrorBody(response.status, parsed));
  }
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const response = await send(method, path, options, hasBody ? JSON.stringify(options.body) : undefined, hasBody);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  request,
};

/** Downloads a file answer (the Excel ledger) with the token, under the name the server gives it. */
export async function download(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `multipart/form-data` upload (the Excel import). */
export async function upload<T>(path: string, form: FormData, query?: QueryParams): Promise<T> {
  const response = await send('POST', path, { query }, form, false);
  return (await response.json()) as T;
}
