import { ErrorState, LoadMore, SkeletonList, Tabs } from '@/components/ui';
import { useLedger, useTransactions } from '../hooks/use-activity';
import { LedgerList, TransactionList } from '@/components/loyalty';

type TabKey = 'purchases' | 'points';

function Purchases() {
  const q = useTransactions();
  if (q.isPending) return <SkeletonList rows={4} rowHeight="4rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <>
      <TransactionList transactions={q.items} />
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
    </>
  );
}

function Points() {
  const q = useLedger();
  if (q.isPending) return <SkeletonList rows={5} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <>
      <LedgerList entries={q.items} />
      <LoadMore hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => q.fetchNextPage()} />
    </>
  );
}

export function ActivityTabs({ initial = 'purchases' }: { initial?: TabKey }) {
  return (
    <Tabs
      label="Activity"
      initial={initial}
      tabs={[
        { key: 'purchases', label: 'Purchases' },
        { key: 'points', label: 'Points history' },
      ]}
    >
      {(tab) => (tab === 'purchases' ? <Purchases /> : <Points />)}
    </Tabs>
  );
}
