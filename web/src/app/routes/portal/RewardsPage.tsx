import { ErrorState, Skeleton, Tabs } from '@/components/ui';
import { meQueryKey, useMe } from '@/features/account';
import { ledgerQueryKey } from '@/features/activity';
import { MyRewards, RewardCatalog } from '@/features/rewards';
import { formatPoints, pointsUnit } from '@/lib/format';
import { Page } from '../../Page';

// After a redemption the balance and the ledger change: the app, which owns both features, says so.
const AFTER_REDEMPTION = [meQueryKey, ledgerQueryKey] as const;

export function RewardsPage() {
  const me = useMe();
  return (
    <Page
      title="Rewards"
      subtitle={
        me.data ? (
          <>
            You have <strong data-testid="rewards-balance">{formatPoints(me.data.account.points_balance)}</strong> {pointsUnit(me.data.account.points_balance, 'long')} to spend.
          </>
        ) : (
          <Skeleton width="12rem" />
        )
      }
    >
      <Tabs
        label="Rewards"
        tabs={[
          { key: 'catalog', label: 'Catalog' },
          { key: 'mine', label: 'My rewards' },
        ]}
      >
        {(tab) => (
          <>
            {/* The tab's name as the panel's heading (for the reward and voucher headings under it: h1 → h2 → h3). */}
            <h2 className="visually-hidden">{tab === 'catalog' ? 'Catalog' : 'My rewards'}</h2>
            {tab === 'catalog' ? (
              me.isError ? (
                <ErrorState error={me.error} onRetry={() => me.refetch()} />
              ) : (
                <RewardCatalog points_balance={me.data?.account.points_balance ?? 0} invalidateKeys={AFTER_REDEMPTION} />
              )
            ) : (
              <MyRewards />
            )}
          </>
        )}
      </Tabs>
    </Page>
  );
}
