import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useSessionRestoring } from '@/features/auth';
import { isStaffRole, type Role } from '@/lib/session';

export const homeFor = (role: Role | undefined) => (isStaffRole(role) ? '/console' : '/');

/** Sends signed-out users to the login page, and users of the other side to their own home. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const restoring = useSessionRestoring();
  const location = useLocation();
  if (!session && restoring) return null;  // a reload: the refresh cookie may bring the session back
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.role)) return <Navigate to={homeFor(session.role)} replace />;
  return <>{children}</>;
}

export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const restoring = useSessionRestoring();
  if (restoring) return null;
  if (session) return <Navigate to={homeFor(session.role)} replace />;
  return <>{children}</>;
}

/** When a refresh is refused, the API client signs out; this takes the user to the login page. */
export function SessionExpiryListener() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    const onExpired = () => {
      queryClient.clear();
      navigate('/login?expired=1', { replace: true });
    };
    globalThis.addEventListener('patron:session-expired', onExpired);
    return () => globalThis.removeEventListener('patron:session-expired', onExpired);
  }, [navigate, queryClient]);
  return null;
}
