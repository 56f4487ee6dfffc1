import { Link, useParams } from 'react-router-dom';
import { useSession } from '@/features/auth';
import { Customer360View, type CustomerProfile } from '@/features/customers';
import { Page } from '../../Page';

/** The POS page for this customer: their email filled in, the return form listing their purchases. */
function posLink(profile: CustomerProfile, tab: 'purchase' | 'return'): string {
  const params = new URLSearchParams({ tab, customer: profile.id, email: profile.email ?? '' });
  if (profile.name) params.set('name', profile.name);
  return `/console/pos?${params.toString()}`;
}

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const session = useSession();
  return (
    <Page title="Customer 360°" tabTitle="Customer" actions={<Link to="/console">Back to search</Link>}>
      <Customer360View
        customerId={customerId}
        canAdjust={session?.role === 'admin'}
        actions={(profile) =>
          profile.email ? (
            <>
              <Link className="btn btn--primary btn--sm" to={posLink(profile, 'purchase')}>
                <span className="btn__label">Record purchase</span>
              </Link>
              <Link className="btn btn--secondary btn--sm" to={posLink(profile, 'return')}>
                <span className="btn__label">Return items</span>
              </Link>
            </>
          ) : null
        }
      />
    </Page>
  );
}
