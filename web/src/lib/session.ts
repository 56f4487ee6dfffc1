// The signed-in session: the token pair and the role from the login answer.
// Kept in localStorage so a reload stays signed in; the API client is the only
// writer besides sign-in and sign-out.

export type Role = 'customer' | 'staff' | 'admin';

export interface Session {
  access_token: string;
  refresh_token: string;
  role: Role;
  /** Epoch milliseconds when the access token expires (from `expires_in`). */
  expires_at_ms: number;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = 'patron.session';

function readStorage(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.access_token !== 'string' || typeof parsed.refresh_token !== 'string') return null;
    return {
      access_token: parsed.access_token,
      refresh_token: parsed.refresh_token,
      role: isRole(parsed.role) ? parsed.role : 'customer',
      expires_at_ms: Number(parsed.expires_at_ms) || 0,
    };
  } catch {
    return null;
  }
}

export function isRole(value: unknown): value is Role {
  return value === 'customer' || value === 'staff' || value === 'admin';
}

export function createMemorySessionStore(initial: Session | null = null): SessionStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createBrowserSessionStore(): SessionStore {
  const memory = createMemorySessionStore(readStorage());
  return {
    get: memory.get,
    subscribe: memory.subscribe,
    set(next) {
      try {
        if (next) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
        else globalThis.localStorage?.removeItem(STORAGE_KEY);
      } catch {
        // Storage can be unavailable (private mode); the in-memory session still works.
      }
      memory.set(next);
    },
  };
}

/** Builds a session from an auth answer (login, register or refresh). */
export function sessionFromTokens(
  answer: { access_token: string; refresh_token: string; expires_in?: number; role?: unknown },
  fallbackRole: Role = 'customer',
  now_ms: number = Date.now(),
): Session {
  return {
    access_token: answer.access_token,
    refresh_token: answer.refresh_token,
    role: isRole(answer.role) ? answer.role : fallbackRole,
    expires_at_ms: now_ms + (Number(answer.expires_in) || 0) * 1000,
  };
}

export const isStaffRole = (role: Role | undefined | null) => role === 'staff' || role === 'admin';
