import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '@/components/ui';
import { LoginForm } from '@/features/auth';
import { homeFor } from '../../guards';
import { usePageTitle } from '../../use-page-title';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // Staff come to /staff/login, or are sent here from a console page.
  const staff = pathname.startsWith('/staff') || Boolean(next?.startsWith('/console'));
  usePageTitle(staff ? 'Staff log in' : 'Log in');
  return (
    <div className="stack-lg">
      <div>
        <h1>{staff ? 'Staff console' : 'Welcome back'}</h1>
        <p className="muted">
          {staff
            ? 'Log in with your staff account to look up customers, record purchases and returns, and manage the program.'
            : 'Log in to see your points and rewards.'}
        </p>
      </div>
      {params.get('expired') && <Alert tone="warning">Your session has ended. Please log in again.</Alert>}
      {params.get('deleted') && <Alert tone="success">Your account has been deleted. We are sorry to see you go.</Alert>}
      {params.get('reset') && <Alert tone="success">Your new password is saved. Log in with it.</Alert>}
      <LoginForm
        onSuccess={(role) => {
          const home = homeFor(role);
          navigate(next && next.startsWith('/console') === (home === '/console') ? next : home, { replace: true });
        }}
      />
      <div className="auth-links">
        <Link to="/forgot-password">Forgot password?</Link>
        {staff ? <Link to="/login">Customer log in</Link> : <Link to="/signup">Create an account</Link>}
      </div>
    </div>
  );
}
