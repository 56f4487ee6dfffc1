import { EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { formatDate, formatPoints } from '@/lib/format';
import { useRedemptions } from '../hooks/use-rewards';
import { VoucherCode } from './VoucherCode';

export function MyRewards() {
  const q = useRedemptions();
  if (q.isPending) return <SkeletonList rows={2} rowHeight="6rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.items.length === 0)
    return (
      <EmptyState title="No vouchers yet" icon="🎟">
        Rewards you redeem appear here with their codes.
      </EmptyState>
    );
  return (
    <>
      <ul className="list" aria-label="My vouchers">
        {q.items.map((r) => (
          <li key={r.id} className="voucher-row" data-testid="my-reward">
            <div className="row-between wrap">
              <strong>{r.reward_name}</strong>
              <span className="muted small">
                {formatPoints(r.points)} pts · {formatDate(r.created_at)}
              </span>
            </div>
            <VoucherCode code={r.code} />
          </li>
        ))}
      </ul>
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
    </>
  );
}
