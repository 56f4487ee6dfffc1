import { describe, expect, it } from 'vitest';
import { createBrowserSessionStore, createMemorySessionStore, LEGACY_STORAGE_KEY, sessionFromTokens } from './session';

describe('session', () => {
  it('keeps the access token and role, never the refresh token', () => {
    const session = sessionFromTokens({ access_token: 'A', refresh_token: 'R', expires_in: 900, role: 'admin' } as never, 'customer', 1_000);
    expect(session).toEqual({ access_token: 'A', role: 'admin', expires_at_ms: 901_000 });
    expect(JSON.stringify(session)).not.toContain('R');
  });

  it('falls back to the given role when the answer has none', () => {
    expect(sessionFromTokens({ access_token: 'A', expires_in: 60 }, 'staff', 0).role).toBe('staff');
  });

  it('holds the session in memory only: nothing reaches localStorage or sessionStorage', () => {
    const store = createBrowserSessionStore();
    store.set({ access_token: 'A', role: 'customer', expires_at_ms: 1 });
    expect(store.get()?.access_token).toBe('A');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    store.set(null);
    expect(store.get()).toBeNull();
  });

  it('a new page (a new store) starts signed out', () => {
    createBrowserSessionStore().set({ access_token: 'A', role: 'customer', expires_at_ms: 1 });
    expect(createBrowserSessionStore().get()).toBeNull();
  });

  it('wipes the token pair an older version kept in localStorage', () => {
    localStorage.setItem(LEGACY_STORAGE_KEY, JSON.stringify({ access_token: 'A', refresh_token: 'R', role: 'customer' }));
    expect(createBrowserSessionStore().get()).toBeNull();
    expect(localStorage.getItem(LEGACY_STORAGE_KEY)).toBeNull();
  });

  it('notifies subscribers of changes', () => {
    const store = createMemorySessionStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.set({ access_token: 'A', role: 'customer', expires_at_ms: 1 });
    unsubscribe();
    store.set(null);
    expect(calls).toBe(1);
  });
});
