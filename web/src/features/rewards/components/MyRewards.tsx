import { EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { formatDate, formatPointsWithUnit } from '@/lib/format';
import { useRedemptions, useRewards } from '../hooks/use-rewards';
import { validFirst } from '../vouchers';
import { VoucherCode } from './VoucherCode';

export function MyRewards() {
  const q = useRedemptions();
  // The voucher's description and terms are the reward's (a reward no longer offered has none to show).
  const rewards = useRewards();
  const byId = new Map(rewards.items.map((r) => [r.id, r]));
  if (q.isPending) return <SkeletonList rows={2} rowHeight="6rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.items.length === 0)
    return (
      <EmptyState title="No vouchers yet" icon="gift">
        Rewards you redeem appear here with their codes.
      </EmptyState>
    );
  return (
    <>
      <ul className="list" aria-label="My vouchers">
        {validFirst(q.items).map((r) => {
          const reward = byId.get(r.reward_id);
          return (
            <li key={r.id} className="voucher-row" data-testid="my-reward">
              <div className="row-between wrap">
                <h3 className="subheading">{r.reward_name}</h3>
                <span className="muted small">
                  {formatPointsWithUnit(r.points)} · redeemed {formatDate(r.created_at)}
                </span>
              </div>
              <VoucherCode code={r.code} expires_at={r.expires_at} status={r.status} description={reward?.description} terms={reward?.terms} />
            </li>
          );
        })}
      </ul>
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
    </>
  );
}
