import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '@/components/ui';
import { LoginForm } from '@/features/auth';
import { homeFor } from '../../guards';
import { usePageTitle } from '../../use-page-title';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  usePageTitle('Log in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="stack-lg">
      <div>
        <h1>Welcome back</h1>
        <p className="muted">Log in to see your points and rewards.</p>
      </div>
      {params.get('expired') && <Alert tone="warning">Your session has ended. Please log in again.</Alert>}
      {params.get('deleted') && <Alert tone="success">Your account has been deleted. We are sorry to see you go.</Alert>}
      <LoginForm
        onSuccess={(role) => {
          const next = safeNext(params.get('next'));
          const home = homeFor(role);
          navigate(next && next.startsWith('/console') === (home === '/console') ? next : home, { replace: true });
        }}
      />
      <p className="center muted">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </div>
  );
}
