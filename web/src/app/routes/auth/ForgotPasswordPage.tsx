import { Link } from 'react-router-dom';
import { ForgotPasswordForm } from '@/features/auth';
import { usePageTitle } from '../../use-page-title';

export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  return (
    <div className="stack-lg">
      <div>
        <h1>Forgot your password?</h1>
        <p className="muted">Enter the e-mail you signed up with. We will send you a link to choose a new password; it works once, for 30 minutes.</p>
      </div>
      <ForgotPasswordForm />
      <p className="center muted">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
