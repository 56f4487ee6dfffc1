import { describe, expect, it, vi } from 'vitest';
import { apiError, createFakeFetch, json, type FakeRoutes } from '@/testing/fake-fetch';
import { ApiError, buildUrl, createApiClient, itemsOf, toListPage } from './api';
import { createMemorySessionStore, type Session } from './session';

const session = (access: string, role: Session['role'] = 'customer'): Session => ({
  access_token: access,
  role,
  expires_at_ms: 0,
});

function setup(routes: FakeRoutes, initial: Session | null = session('A1')) {
  const fake = createFakeFetch(routes);
  const sessions = createMemorySessionStore(initial);
  const onSessionExpired = vi.fn();
  const client = createApiClient({ fetch: fake.fetch, sessions, onSessionExpired });
  return { client, sessions, onSessionExpired, calls: fake.calls };
}

describe('api client', () => {
  it('sends the Bearer token and JSON body, and parses the answer', async () => {
    const { client, calls } = setup({ 'PATCH /api/v1/me': () => json(200, { name: 'Ada' }) });
    const answer = await client.patch<{ name: string }>('/me', { name: 'Ada' });
    expect(answer).toEqual({ name: 'Ada' });
    expect(calls[0].headers.Authorization).toBe('Bearer A1');
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].body).toEqual({ name: 'Ada' });
  });

  it('does not send a token when auth is off', async () => {
    const { client, calls } = setup({ 'POST /api/v1/auth/login': () => json(200, {}) });
    await client.post('/auth/login', { email: 'a@b.c', password: 'x' }, { auth: false });
    expect(calls[0].headers.Authorization).toBeUndefined();
  });

  it('sends the Idempotency-Key header', async () => {
    const { client, calls } = setup({ 'POST /api/v1/me/redemptions': () => json(201, { code: 'X' }) });
    await client.post('/me/redemptions', { reward_id: 'r1' }, { idempotencyKey: 'key-1' });
    expect(calls[0].headers['Idempotency-Key']).toBe('key-1');
  });

  it('returns undefined for 204', async () => {
    const { client } = setup({ 'DELETE /api/v1/me': () => new Response(null, { status: 204 }) });
    await expect(client.delete('/me')).resolves.toBeUndefined();
  });

  it('refreshes on 401 with the cookie, stores the new access token only, and retries once with it', async () => {
    const { client, sessions, calls } = setup({
      'GET /api/v1/me': [() => apiError(401, 'unauthorized', 'expired'), () => json(200, { id: 'c1' })],
      'POST /api/v1/auth/session': () => json(200, { session: { access_token: 'A2', token_type: 'Bearer', expires_in: 900 } }),
    });
    await expect(client.get('/me')).resolves.toEqual({ id: 'c1' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/me', 'POST /api/v1/auth/session', 'GET /api/v1/me']);
    expect(calls[1].body).toBeUndefined();
    expect(calls[1].headers.Authorization).toBeUndefined();
    expect(calls[1].credentials).toBe('same-origin');
    expect(calls[2].headers.Authorization).toBe('Bearer A2');
    expect(sessions.get()).toEqual({ access_token: 'A2', role: 'customer', expires_at_ms: expect.any(Number) });
  });

  it('keeps the role when the refresh answer has none', async () => {
    const { client, sessions } = setup(
      {
        'GET /api/v1/admin/stores': [() => apiError(401, 'unauthorized', 'expired'), () => json(200, { items: [] })],
        'POST /api/v1/auth/session': () => json(200, { session: { access_token: 'A2', token_type: 'Bearer', expires_in: 900 } }),
      },
      session('A1', 'admin'),
    );
    await client.get('/admin/stores');
    expect(sessions.get()?.role).toBe('admin');
  });

  it('shares one refresh between concurrent 401s (a rotated token is spent once)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = setup({
      'GET /api/v1/me': (c) => (c.headers.Authorization === 'Bearer A2' ? json(200, { ok: 1 }) : apiError(401, 'unauthorized', 'expired')),
      'GET /api/v1/me/ledger': (c) => (c.headers.Authorization === 'Bearer A2' ? json(200, { items: [] }) : apiError(401, 'unauthorized', 'expired')),
      'POST /api/v1/auth/session': async () => {
        await gate;
        return json(200, { session: { access_token: 'A2', token_type: 'Bearer', expires_in: 900 } });
      },
    });
    const both = Promise.all([client.get('/me'), client.get('/me/ledger')]);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await expect(both).resolves.toEqual([{ ok: 1 }, { items: [] }]);
    expect(calls.filter((c) => c.url === '/api/v1/auth/session')).toHaveLength(1);
  });

  it('signs out and reports expiry when the probe finds no live session', async () => {
    const { client, sessions, onSessionExpired } = setup({
      'GET /api/v1/me': () => apiError(401, 'unauthorized', 'Token expired.'),
      'POST /api/v1/auth/session': () => json(200, { session: null }),
    });
    const error = await client.get('/me').then(() => null as never, (e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(sessions.get()).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('restores the session from the refresh cookie once per page load', async () => {
    const { client, sessions, calls, onSessionExpired } = setup(
      { 'POST /api/v1/auth/session': () => json(200, { session: { access_token: 'A9', token_type: 'Bearer', expires_in: 900, role: 'staff' } }) },
      null,
    );
    expect(client.isRestoring()).toBe(false);
    const first = client.restore();
    expect(client.isRestoring()).toBe(true);
    await expect(first).resolves.toBe(true);
    await expect(client.restore()).resolves.toBe(true);
    expect(client.isRestoring()).toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toBeUndefined();
    expect(sessions.get()).toEqual({ access_token: 'A9', role: 'staff', expires_at_ms: expect.any(Number) });
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('stays signed out without reporting expiry when there is no refresh cookie', async () => {
    const { client, sessions, calls, onSessionExpired } = setup({ 'POST /api/v1/auth/session': () => json(200, { session: null }) }, null);
    await expect(client.restore()).resolves.toBe(false);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/auth/session']);
    expect(sessions.get()).toBeNull();
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('keeps the session when the probe fails on the server (not a rejected token)', async () => {
    const { client, sessions, onSessionExpired } = setup({
      'GET /api/v1/me': () => apiError(401, 'unauthorized', 'Token expired.'),
      'POST /api/v1/auth/session': () => apiError(503, 'unavailable', 'Try again.'),
    });
    const error = await client.get('/me').then(() => null as never, (e: ApiError) => e);
    expect(error.status).toBe(401);
    expect(sessions.get()?.access_token).toBe('A1');
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('does not try to refresh a 401 from a request without a token (bad credentials)', async () => {
    const { client, calls } = setup(
      { 'POST /api/v1/auth/login': () => apiError(401, 'unauthorized', 'Wrong email or password.') },
      null,
    );
    const error = await client.post('/auth/login', {}, { auth: false }).then(() => null as never, (e: ApiError) => e);
    expect(error.message).toBe('Wrong email or password.');
    expect(calls).toHaveLength(1);
  });

  it('uses a token refreshed by another request instead of refreshing again', async () => {
    const { client, sessions, calls } = setup({
      'GET /api/v1/me': (c) => {
        // While this request was in flight, someone else rotated the tokens.
        if (c.headers.Authorization === 'Bearer A1') {
          sessions.set(session('A2'));
          return apiError(401, 'unauthorized', 'expired');
        }
        return json(200, { ok: true });
      },
    });
    await expect(client.get('/me')).resolves.toEqual({ ok: true });
    expect(calls.some((c) => c.url.endsWith('/auth/session'))).toBe(false);
  });

  it('turns the error shape into an ApiError with code, message and field', async () => {
    const { client } = setup({
      'POST /api/v1/me/feedback': () => apiError(422, 'validation_failed', 'Rating must be between 1 and 5.', 'rating'),
    });
    const error = await client.post('/me/feedback', { rating: 9 }).then(() => null as never, (e: ApiError) => e);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', message: 'Rating must be between 1 and 5.', field: 'rating' });
  });

  it('reads Retry-After on 429', async () => {
    const { client } = setup({ 'POST /api/v1/auth/login': () => json(429, { error: { code: 'rate_limited', message: 'Slow down.', field: null } }, { 'Retry-After': '30' }) });
    const error = await client.post('/auth/login', {}, { auth: false }).then(() => null as never, (e: ApiError) => e);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
  });

  it('reports a network failure as network_error', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      sessions: createMemorySessionStore(null),
    });
    const error = await client.get('/rewards').then(() => null as never, (e: ApiError) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('url and list helpers', () => {
  it('builds query strings and skips empty values', () => {
    expect(buildUrl('/api/v1', '/me/ledger', { limit: 20, cursor: undefined, q: '' })).toBe('/api/v1/me/ledger?limit=20');
    expect(buildUrl('/api/v1', '/admin/customers', { q: 'a b&c' })).toBe('/api/v1/admin/customers?q=a+b%26c');
  });

  it('reads pages and bare arrays', () => {
    expect(toListPage({ items: [1, 2], next_cursor: 'c2' })).toEqual({ items: [1, 2], next_cursor: 'c2' });
    expect(toListPage({ items: [1], next_cursor: null })).toEqual({ items: [1], next_cursor: null });
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});
