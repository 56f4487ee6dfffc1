import { Button } from './Button';

/** Cursor pagination: shows "Load more" while the server has a next_cursor. */
export function LoadMore({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <Button variant="secondary" loading={loading} onClick={onLoadMore}>
        Load more
      </Button>
    </div>
  );
}
