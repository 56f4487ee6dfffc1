import { useMemo, useState } from 'react';
import { Badge, Button, EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { rewardState, sortRewards } from '../affordability';
import { useRewards } from '../hooks/use-rewards';
import type { Reward } from '../types';
import { RedeemDialog } from './RedeemDialog';

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
        <EmptyState title={onlyAffordable ? 'Nothing within reach yet' : 'No rewards right now'} icon="🎁">
          {onlyAffordable ? 'Keep earning: every purchase brings you closer.' : 'New rewards are on their way.'}
        </EmptyState>
      ) : (
        <ul className="reward-grid" aria-label="Rewards">
          {shown.map((reward) => {
            const state = rewardState(reward, points_balance);
            const progress = Math.min(1, points_balance / Math.max(1, reward.points_cost));
            return (
              <li key={reward.id} className="reward-card" data-testid="reward-card">
                <div className="reward-card__body">
                  <h3 className="reward-card__name">{reward.name}</h3>
                  {reward.description && <p className="muted reward-card__desc">{reward.description}</p>}
                </div>
                <div className="reward-card__footer">
                  <span className="reward-card__cost">{formatPoints(reward.points_cost)} pts</span>
                  {state.kind === 'affordable' && (
                    <Button size="sm" onClick={() => setSelected(reward)} aria-label={`Redeem ${reward.name}`}>
                      Redeem
                    </Button>
                  )}
                  {state.kind === 'short' && <Badge tone="neutral">{formatPoints(state.missing_points)} pts to go</Badge>}
                  {state.kind === 'unavailable' && <Badge tone="warning">Unavailable</Badge>}
                </div>
                {state.kind === 'short' && (
                  <span className="reward-card__meter" aria-hidden="true">
                    <span style={{ width: `${Math.round(progress * 100)}%` }} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
      <RedeemDialog reward={selected} points_balance={points_balance} onClose={() => setSelected(null)} invalidateKeys={invalidateKeys} />
    </div>
  );
}
