import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { rewardState, sortRewards } from '../affordability';
import { useRewards } from '../hooks/use-rewards';
import type { Reward } from '../types';
import { RedeemDialog } from './RedeemDialog';
import { RewardCard } from './RewardCard';

interface RewardCatalogProps {
  points_balance: number;
  invalidateKeys?: readonly (readonly unknown[])[];
}

export function RewardCatalog({ points_balance, invalidateKeys }: RewardCatalogProps) {
  const q = useRewards();
  const [onlyAffordable, setOnlyAffordable] = useState(false);
  const [selected, setSelected] = useState<Reward | null>(null);
  const rewards = useMemo(() => sortRewards(q.items, points_balance), [q.items, points_balance]);
  const affordableCount = rewards.filter((r) => rewardState(r, points_balance).kind === 'affordable').length;
  const shown = onlyAffordable ? rewards.filter((r) => rewardState(r, points_balance).kind === 'affordable') : rewards;

  if (q.isPending) return <SkeletonList rows={3} rowHeight="9rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div className="stack">
      <div className="row-between wrap">
        <p className="muted" data-testid="affordable-summary">
          You can afford <strong>{affordableCount}</strong> of {rewards.length} reward{rewards.length === 1 ? '' : 's'}.
        </p>
        <label className="switch">
          <input type="checkbox" checked={onlyAffordable} onChange={(e) => setOnlyAffordable(e.target.checked)} />
          <span>Only what I can afford</span>
        </label>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={onlyAffordable ? 'Nothing within reach yet' : 'No rewards right now'} icon="gift">
          {onlyAffordable ? 'Keep earning: every purchase brings you closer.' : 'New rewards are on their way.'}
        </EmptyState>
      ) : (
        <ul className="reward-grid" aria-label="Rewards">
          {shown.map((reward) => (
            <RewardCard key={reward.id} reward={reward} points_balance={points_balance} onRedeem={setSelected} />
          ))}
        </ul>
      )}
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
      <RedeemDialog reward={selected} points_balance={points_balance} onClose={() => setSelected(null)} invalidateKeys={invalidateKeys} />
    </div>
  );
}
