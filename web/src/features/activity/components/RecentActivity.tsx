import { ErrorState, SkeletonList } from '@/components/ui';
import { useRecentLedger } from '../hooks/use-activity';
import { LedgerList } from '@/components/loyalty';

export function RecentActivity() {
  const q = useRecentLedger(5);
  if (q.isPending) return <SkeletonList rows={3} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <LedgerList entries={q.data.items} emptyText="No activity yet" />;
}
