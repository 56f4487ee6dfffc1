// A fake fetch for tests: the network is the boundary, so tests answer at it.

import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  credentials?: RequestCredentials;
}

export type Responder = (call: RecordedCall) => Response | Promise<Response>;

export type FakeRoutes = Record<string, Responder | Responder[]>;

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function apiError(status: number, code: string, message: string, field: string | null = null): Response {
  return json(status, { error: { code, message, field } });
}

/** Routes are matched by "METHOD /path" (query string ignored); unmatched calls answer 404. */
export function createFakeFetch(routes: FakeRoutes) {
  const calls: RecordedCall[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  const fetch = async (input: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const call: RecordedCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: input,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const path = input.split('?')[0];
    const route = queues.get(`${call.method} ${path}`);
    if (!route) return apiError(404, 'not_found', `No fake route for ${call.method} ${path}`);
    if (Array.isArray(route)) {
      const next = route.length > 1 ? route.shift()! : route[0];
      return next(call);
    }
    return route(call);
  };
  return { fetch, calls };
}

/** Answers every fetch from these routes until vi.unstubAllGlobals(); the calls are recorded. */
export function serveFakeFetch(routes: FakeRoutes) {
  const fake = createFakeFetch(routes);
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}
