import { Link } from 'react-router-dom';
import { Card, ErrorState, Skeleton } from '@/components/ui';
import { BalanceCard, ExpiringPointsCard, MemberCard, meQueryKey, TierProgressCard, useMe, WelcomeCard } from '@/features/account';
import { ledgerQueryKey, RecentActivity, useRecentLedger } from '@/features/activity';
import { HomeOffersCard } from '@/features/offers';
import { RewardsOutlookCard } from '@/features/rewards';
import { usePageTitle } from '../../use-page-title';

// A redemption from Home changes the balance and the ledger: the app, which owns both features, says so.
const AFTER_REDEMPTION = [meQueryKey, ledgerQueryKey] as const;

function greeting(now = new Date()): string {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/**
 * The loyalty hub: balance and the scannable member card first, then rewards
 * (the next one to save for, those to take now), the tier and its benefits,
 * offers, expiring points and the latest activity. A member with no activity
 * yet gets a welcome and how to earn instead of empty lists.
 */
export function HomePage() {
  usePageTitle('Home');
  const me = useMe();
  const recent = useRecentLedger(5);
  const firstName = me.data?.name.split(' ')[0] ?? '';
  const isNew = recent.data !== undefined && recent.data.items.length === 0;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="muted">{greeting()}</p>
          <h1>{me.data ? firstName || 'Welcome' : <Skeleton width="8rem" height="1.8rem" />}</h1>
        </div>
      </header>
      {me.isError && <ErrorState error={me.error} onRetry={() => me.refetch()} />}
      {me.isPending && (
        <div className="home-grid">
          <Skeleton height="11rem" />
          <Skeleton height="11rem" />
          <Skeleton height="10rem" />
          <Skeleton height="10rem" />
        </div>
      )}
      {me.data && (
        <div className="home-grid">
          <BalanceCard me={me.data} />
          <MemberCard me={me.data} />
          {isNew && <WelcomeCard firstName={firstName} className="home-grid__full" />}
          <RewardsOutlookCard points_balance={me.data.account.points_balance} invalidateKeys={AFTER_REDEMPTION} />
          <TierProgressCard account={me.data.account} />
          <HomeOffersCard currency={me.data.account.tier_progress?.currency} className="home-grid__full" />
          <ExpiringPointsCard expiring={me.data.account.points_expiring ?? []} className="home-grid__full" />
          {!isNew && (
            <Card title="Latest activity" actions={<Link to="/activity">See all</Link>} className="home-grid__full">
              <RecentActivity />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
