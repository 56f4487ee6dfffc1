import { Link } from 'react-router-dom';
import { Card, ErrorState, Skeleton } from '@/components/ui';
import { BalanceCard, ExpiringPointsCard, TierProgressCard, useMe } from '@/features/account';
import { RecentActivity } from '@/features/activity';
import { HomeOffersCard } from '@/features/offers';
import { usePageTitle } from '../../use-page-title';

function greeting(now = new Date()): string {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export function HomePage() {
  usePageTitle('Home');
  const me = useMe();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="muted">{greeting()}</p>
          <h1>{me.data ? me.data.name.split(' ')[0] || 'Welcome' : <Skeleton width="8rem" height="1.8rem" />}</h1>
        </div>
      </header>
      {me.isError && <ErrorState error={me.error} onRetry={() => me.refetch()} />}
      {me.isPending && (
        <div className="home-grid">
          <Skeleton height="11rem" />
          <Skeleton height="11rem" />
          <Skeleton height="10rem" />
          <div className="home-grid__wide">
            <Skeleton height="14rem" />
          </div>
        </div>
      )}
      {me.data && (
        <div className="home-grid">
          <BalanceCard me={me.data} />
          <TierProgressCard account={me.data.account} />
          <HomeOffersCard currency={me.data.account.tier_progress?.currency} className="home-grid__full" />
          <ExpiringPointsCard expiring={me.data.account.points_expiring ?? []} />
          <Card title="Latest activity" actions={<Link to="/activity">See all</Link>} className="home-grid__wide">
            <RecentActivity />
          </Card>
        </div>
      )}
    </div>
  );
}
