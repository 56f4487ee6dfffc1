import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { isNoRunError } from '../normalize';

export const PANEL_HEIGHT = '16rem';

/** A card over one query: skeleton while loading, the no-run empty state, an error with "Try again", or the content. */
export function Panel<T>({ title, query, wide, testId, children }: { title: string; query: UseQueryResult<T>; wide?: boolean; testId: string; children: (data: T) => ReactNode }) {
  return (
    <Card title={title} className={wide ? 'dashboard-grid__wide' : undefined} data-testid={testId} aria-busy={query.isPending || undefined}>
      {(query.isPending || (query.isError && query.isFetching)) && <Skeleton height={PANEL_HEIGHT} />}
      {query.isError &&
        !query.isFetching &&
        (isNoRunError(query.error) ? (
          <EmptyState title="No analysis run yet">
            Run <code>patron analyze all</code> on the server.
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ))}
      {query.isSuccess && children(query.data)}
    </Card>
  );
}
