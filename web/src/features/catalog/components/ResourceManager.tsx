import { Alert, Button, EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { useCursorList } from '@/lib/use-cursor-list';
import { resourceQueryKey } from '../api/resources';
import { useCatalogFields } from '../api/schema';
import type { Item, ResourceConfig } from '../types';
import { ArchiveResourceDialog, EditResourceDialog } from './ResourceDialogs';
import { ResourceTable } from './ResourceTable';
import { useResourceEditing } from './use-resource-editing';

export function ResourceManager({ config }: { config: ResourceConfig }) {
  const list = useCursorList<Item>(resourceQueryKey(config.path), config.path, { limit: 50 });
  const fields = useCatalogFields(config.key);
  const manage = useResourceEditing(config);
  const items = list.items.filter((i) => !i.archived);

  return (
    <div className="stack">
      <div className="row-between wrap">
        <p className="muted">{list.isSuccess ? `${items.length}${list.hasNextPage ? '+' : ''} ${config.title.toLowerCase()}` : '\u00a0'}</p>
        <Button onClick={() => manage.editor.open({ mode: 'create' })}>New {config.singular}</Button>
      </div>
      {manage.notice && <Alert tone="success">{manage.notice}</Alert>}
      {list.isPending && <SkeletonList rows={5} rowHeight="2.75rem" />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState title={`No ${config.title.toLowerCase()} yet`}>Create the first one.</EmptyState>}
      {list.isSuccess && items.length > 0 && (
        <ResourceTable config={config} items={items} fields={fields.data ?? []} onEdit={(item) => manage.editor.open({ mode: 'edit', item })} onArchive={manage.archiving.open} />
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => list.fetchNextPage()} />

      <EditResourceDialog config={config} manage={manage} fields={fields} />
      <ArchiveResourceDialog config={config} manage={manage} />
    </div>
  );
}
