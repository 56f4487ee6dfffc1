import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, sessionStore } from '@/lib/api';
import type { Session } from '@/lib/session';
import { logout } from '../api/auth';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/** True while the page load asks the server for a session from the refresh cookie. */
export function useSessionRestoring(): boolean {
  return useSyncExternalStore(api.subscribeRestoring, api.isRestoring, api.isRestoring);
}

/** Signs out and drops every cached answer, so the next user sees none of them. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await logout();
    queryClient.clear();
  }, [queryClient]);
}
