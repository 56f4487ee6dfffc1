import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, toListPage, type ListPage, type Query } from './api';

export const DEFAULT_PAGE_LIMIT = 20;

export function fetchPage<T>(path: string, query: Query = {}, cursor?: string | null): Promise<ListPage<T>> {
  return api.get<unknown>(path, { query: { ...query, cursor: cursor ?? undefined } }).then((raw) => toListPage<T>(raw));
}

/** A cursor-paginated list (`?limit=&cursor=` → `{items, next_cursor}`) with "load more". */
export function useCursorList<T>(queryKey: QueryKey, path: string, query: Query = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage<T>(path, { limit: DEFAULT_PAGE_LIMIT, ...query }, pageParam),
    getNextPageParam: (last: ListPage<T>) => last.next_cursor ?? undefined,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
