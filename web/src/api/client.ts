import type { FieldError } from '../../../common/error-codes.ts';
import { observeResponse } from '../session/idle-clock.ts';

/** Codes that the client itself raises when no error body came from the server. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** A failed API call: the server's error body, or a client code when there was none. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    body: {
      code: string;
      message: string;
      fields?: FieldError[] | undefined;
      requestId?: string | undefined;
    },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;
let unauthenticatedHandler: ((path: string) => void) | null = null;

/** Sets the CSRF token of the current session; sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when a request finds the session gone (401 UNAUTHENTICATED). */
export function onUnauthenticated(handler: ((path: string) => void) | null): void {
  unauthenticatedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
}

function urlOf(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(
  value: unknown,
): value is { code: string; message: string; fields?: FieldError[]; requestId?: string } {
  const candidate = value as { code?: unknown; message?: unknown } | null;
  return typeof candidate?.code === 'string' && typeof candidate.message === 'string';
}

async function readErrorBody(response: Response) {
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body)) return body;
  } catch {
    // Not JSON: a proxy error page or a cut connection; reported below with the status.
  }
  return { code: 'UNEXPECTED_RESPONSE' satisfies ClientErrorCode, message: `HTTP ${response.status}` };
}

/**
 * Calls the HoSo API with the session cookie and, on unsafe methods, the CSRF token. Returns the
 * parsed JSON body, or raises ApiError with the server's code, message and field errors.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      // The API is served from the same origin; cookies never go to another site.
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'NETWORK_ERROR' satisfies ClientErrorCode,
      message: (error as Error).message,
    });
  }

  observeResponse(response);

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const error = new ApiError(response.status, await readErrorBody(response));
  if (error.status === 401 && error.code === 'UNAUTHENTICATED') unauthenticatedHandler?.(path);
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
