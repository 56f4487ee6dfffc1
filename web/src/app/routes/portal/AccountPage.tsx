import { Link, useNavigate } from 'react-router-dom';
import { Card, ErrorState, SkeletonList } from '@/components/ui';
import { DataControls, ProfileForm, useMe } from '@/features/account';
import { PasswordForm, useLogout } from '@/features/auth';
import { Page } from '../../Page';

export function AccountPage() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Page title="Account" subtitle="Your profile, security and data." narrow>
      <Card title="Settings">
        <ul className="settings-list">
          <li>
            <Link to="/preferences">
              <span>
                Preferences
                <small>Favourite categories and brands, how we contact you</small>
              </span>
            </Link>
          </li>
          <li>
            <Link to="/feedback">
              <span>
                Feedback
                <small>Tell us how we are doing</small>
              </span>
            </Link>
          </li>
        </ul>
      </Card>
      <Card title="Profile">
        {me.isPending && <SkeletonList rows={4} rowHeight="4.5rem" />}
        {me.isError && <ErrorState error={me.error} onRetry={() => me.refetch()} />}
        {me.data && <ProfileForm me={me.data} />}
      </Card>
      <Card title="Password">
        <PasswordForm />
      </Card>
      <DataControls
        onDeleted={async () => {
          await logout();
          navigate('/login?deleted=1', { replace: true });
        }}
      />
    </Page>
  );
}
