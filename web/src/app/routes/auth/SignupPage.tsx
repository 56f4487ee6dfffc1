import { Link, useNavigate } from 'react-router-dom';
import { SignupForm } from '@/features/auth';
import { usePageTitle } from '../../use-page-title';

export function SignupPage() {
  usePageTitle('Create your account');
  const navigate = useNavigate();
  return (
    <div className="stack-lg">
      <div>
        <h1>Join Patron</h1>
        <p className="muted">Earn points from your first purchase.</p>
      </div>
      <SignupForm onSuccess={() => navigate('/', { replace: true })} />
      <p className="center muted">
        Already a member? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
