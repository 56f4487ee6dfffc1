import { api } from '@/lib/api';
import { sessionFromTokens, type Role } from '@/lib/session';
import type { LoginAnswer, PasswordChangeInput, RegisterAnswer, RegisterInput } from '../types';

export async function login(email: string, password: string): Promise<Role> {
  const answer = await api.post<LoginAnswer>('/auth/login', { email, password }, { auth: false });
  const session = sessionFromTokens(answer, 'customer');
  api.sessions.set(session);
  return session.role;
}

export async function register(input: RegisterInput): Promise<RegisterAnswer> {
  const answer = await api.post<RegisterAnswer>('/auth/register', input, { auth: false });
  api.sessions.set(sessionFromTokens(answer, 'customer'));
  return answer;
}

/** Revokes the refresh token on the server (from its cookie, which the answer clears), then forgets the session whatever the answer. */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout', undefined, { auth: false });
  } catch {
    // Signing out locally must work offline too.
  } finally {
    api.sessions.set(null);
  }
}

export function changePassword(input: PasswordChangeInput): Promise<void> {
  return api.post<void>('/me/password', input);
}

/** Asks for a reset link by e-mail; the answer is the same whether or not the address has an account. */
export const requestPasswordReset = (email: string) =>
  api.post<{ message: string }>('/auth/password-reset', { email }, { auth: false });

/** Sets a new password with the token from the e-mailed link (used once). */
export const confirmPasswordReset = (token: string, password: string) =>
  api.post<void>('/auth/password-reset/confirm', { token, password }, { auth: false });
