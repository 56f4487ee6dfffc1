// The one API client. Every feature's request functions go through it, so
// Bearer tokens, the transparent refresh on 401 and error parsing live here
// and nowhere else.
//
// The access token lives in memory only (lib/session.ts); the refresh token is
// an HttpOnly cookie the server sets on /api/v1/auth, which this code never
// sees: POST /auth/session (the session probe) sends it and answers 200 with
// either a new access token or `{session: null}`, so a signed-out page load
// logs no error in the console. A page load restores the session that way
// (restore()), and so does a 401.
//
// Refresh tokens rotate: the old one is spent by the probe, and
// presenting a spent one revokes the whole family. So at most one refresh runs
// at a time (concurrent 401s wait for the same one; other tabs, which share
// the cookie, wait on a Web Lock), and the new token is stored before any
// request is retried.

import { networkError, parseErrorBody } from './api-error';
import { createBrowserSessionStore, sessionFromTokens, type SessionStore } from './session';

export { ApiError } from './api-error';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key` (POSTs that move points or money). */
  idempotencyKey?: string;
  /** Attach the Bearer token and refresh on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  baseUrl?: string;
  /** Resolved at call time so tests can stub the global fetch. */
  fetch?: FetchLike;
  sessions: SessionStore;
  /** Called once when the session cannot be refreshed (signed out). */
  onSessionExpired?: () => void;
}

interface TokenAnswer {
  access_token: string;
  expires_in?: number;
  role?: unknown;
}

/** POST /auth/session: the restored session, or null when the browser has no live refresh cookie. */
interface SessionProbeAnswer {
  session?: TokenAnswer | null;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = `${baseUrl}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const REFRESH_LOCK = 'patron.refresh';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Runs a refresh under a lock shared by this origin's tabs: two tabs spending one rotated cookie would revoke it. */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? locks.request(REFRESH_LOCK, work) : work();
}

type Send = (method: string, path: string, opts: RequestOptions, token: string | null) => Promise<Response>;

function createSend(baseUrl: string, doFetch: FetchLike): Send {
  return async (method, path, opts, token) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    // A Blob (a chosen file) goes as its own bytes and type; anything else as JSON.
    const raw = typeof Blob !== 'undefined' && opts.body instanceof Blob ? opts.body : null;
    if (opts.body !== undefined) headers['Content-Type'] = raw ? raw.type || 'application/octet-stream' : 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    try {
      return await doFetch(buildUrl(baseUrl, path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : (raw ?? JSON.stringify(opts.body)),
        // The refresh cookie goes with /auth/* requests to this origin, never elsewhere.
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (error) {
      if ((error as { name?: string })?.name === 'AbortError') throw error;
      throw networkError();
    }
  };
}

/** Single-flight refresh: concurrent callers share one POST /auth/session; `inFlight` is the one under way, if any. */
function createRefresh(sessions: SessionStore, send: Send, onSessionExpired: () => void) {
  let refreshing: Promise<boolean> | null = null;

  async function runRefresh(): Promise<boolean> {
    const current = sessions.get();
    let response: Response;
    try {
      // No body: the server reads the refresh cookie.
      response = await acrossTabs(() => send('POST', '/auth/session', {}, null));
    } catch {
      // A network failure is not a rejected token: keep the session for a retry later.
      return false;
    }
    // A server failure is not a rejected token either.
    if (!response.ok) return false;
    const answer = (await readBody(response)) as SessionProbeAnswer | undefined;
    const restored = answer?.session;
    if (!restored?.access_token) {
      sessions.set(null);
      // Only a session that existed can expire; a page load without a cookie is simply signed out.
      if (current) onSessionExpired();
      return false;
    }
    sessions.set(sessionFromTokens(restored, current?.role ?? 'customer'));
    return true;
  }

  function refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = runRefresh().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  return { refresh, inFlight: () => refreshing };
}

/** The page-load restore, with listeners for the guards that wait on it. */
function createRestore(refresh: () => Promise<boolean>) {
  let restoring: Promise<boolean> | null = null;
  let restored = false;
  const restoreListeners = new Set<() => void>();

  /** Once per page: a new access token from the refresh cookie, if there is one. */
  function restore(): Promise<boolean> {
    if (!restoring) {
      restoring = refresh().finally(() => {
        restored = true;
        restoreListeners.forEach((l) => l());
      });
      restoreListeners.forEach((l) => l());
    }
    return restoring;
  }

  /** True while the page-load restore is under way (guards wait instead of sending to /login). */
  const isRestoring = () => restoring !== null && !restored;
  function subscribeRestoring(listener: () => void): () => void {
    restoreListeners.add(listener);
    return () => restoreListeners.delete(listener);
  }

  return { restore, isRestoring, subscribeRestoring };
}

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const sessions = options.sessions;
  const doFetch: FetchLike = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const send = createSend(baseUrl, doFetch);
  const { refresh, inFlight } = createRefresh(sessions, send, () => options.onSessionExpired?.());
  const { restore, isRestoring, subscribeRestoring } = createRestore(refresh);

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth !== false;
    const refreshing = inFlight();
    if (useAuth && refreshing) await refreshing;
    const tokenUsed = useAuth ? (sessions.get()?.access_token ?? null) : null;
    let response = await send(method, path, opts, tokenUsed);

    if (response.status === 401 && useAuth && tokenUsed) {
      // Another request may have refreshed while this one was in flight.
      const latest = sessions.get()?.access_token ?? null;
      const renewed = latest && latest !== tokenUsed ? true : await refresh();
      const next = sessions.get()?.access_token ?? null;
      if (renewed && next) response = await send(method, path, opts, next);
    }

    const body = await readBody(response);
    if (!response.ok) throw parseErrorBody(response.status, body, response.headers.get('Retry-After'));
    return body as T;
  }

  return {
    sessions,
    request,
    refresh,
    restore,
    isRestoring,
    subscribeRestoring,
    get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
    delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Accepts `{items}` pages and bare arrays, so a list screen never crashes on either. */
export function itemsOf<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  const items = (value as { items?: unknown } | null | undefined)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

export function toListPage<T>(value: unknown): ListPage<T> {
  const cursor = (value as { next_cursor?: unknown } | null | undefined)?.next_cursor;
  return { items: itemsOf<T>(value), next_cursor: typeof cursor === 'string' && cursor ? cursor : null };
}

export const sessionStore = createBrowserSessionStore();

export const api = createApiClient({
  sessions: sessionStore,
  onSessionExpired: () => {
    globalThis.dispatchEvent?.(new Event('patron:session-expired'));
  },
});
