// The signed-in session: the access token and the role from the login answer.
// Held in memory only: nothing a script could read survives the page. The
// refresh token never reaches this code; the server keeps it in an HttpOnly,
// Secure, SameSite=Strict cookie on /api/v1/auth, and a reload gets a new
// access token from it (api.restore()).

export type Role = 'customer' | 'staff' | 'admin';

export interface Session {
  access_token: string;
  role: Role;
  /** Epoch milliseconds when the access token expires (from `expires_in`). */
  expires_at_ms: number;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

/** Where earlier versions kept the whole token pair; removed on load. */
export const LEGACY_STORAGE_KEY = 'patron.session';

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

/** The browser's store: in memory, after wiping the token pair an older version left in localStorage. */
export function createBrowserSessionStore(): SessionStore {
  try {
    globalThis.localStorage?.removeItem(LEGACY_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode); there is then nothing to wipe.
  }
  return createMemorySessionStore(null);
}

/** Builds a session from an auth answer (login, register or refresh); a refresh token in it is not kept. */
export function sessionFromTokens(
  answer: { access_token: string; expires_in?: number; role?: unknown },
  fallbackRole: Role = 'customer',
  now_ms: number = Date.now(),
): Session {
  return {
    access_token: answer.access_token,
    role: isRole(answer.role) ? answer.role : fallbackRole,
    expires_at_ms: now_ms + (Number(answer.expires_in) || 0) * 1000,
  };
}

export const isStaffRole = (role: Role | undefined | null) => role === 'staff' || role === 'admin';
