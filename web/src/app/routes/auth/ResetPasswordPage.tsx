import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '@/components/ui';
import { ResetPasswordForm } from '@/features/auth';
import { usePageTitle } from '../../use-page-title';

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  return (
    <div className="stack-lg">
      <div>
        <h1>Choose a new password</h1>
        <p className="muted">After saving it, log in with it on every device: other sessions are signed out.</p>
      </div>
      {token ? (
        <ResetPasswordForm token={token} onDone={() => navigate('/login?reset=1', { replace: true })} />
      ) : (
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the e-mail again, or <Link to="/forgot-password">ask for a new one</Link>.
        </Alert>
      )}
    </div>
  );
}
