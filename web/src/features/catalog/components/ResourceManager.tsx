import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Dialog, EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { useCursorList } from '@/lib/use-cursor-list';
import { archiveItem, createItem, resourceQueryKey, updateItem } from '../api/resources';
import { useCatalogFields } from '../api/schema';
import { itemId } from '../resources';
import type { ColumnDef, Item, ResourceConfig } from '../types';
import { ResourceForm } from './ResourceForm';
import { RewardImageField } from './RewardImageField';

const MAX_DERIVED_COLUMNS = 5;

function columnsFor(config: ResourceConfig, items: Item[]): ColumnDef[] {
  if (config.columns) return config.columns;
  const keys = Object.keys(items[0] ?? {}).filter((k) => k !== 'id' && typeof items[0][k] !== 'object');
  return keys.slice(0, MAX_DERIVED_COLUMNS).map((key) => ({ key, label: key.replace(/_/g, ' ') }));
}

function cell(item: Item, column: ColumnDef): string {
  if (column.render) return column.render(item);
  const v = item[column.key];
  return v === undefined || v === null ? '—' : String(v);
}

type Editing = { mode: 'create' } | { mode: 'edit'; item: Item } | null;

export function ResourceManager({ config }: { config: ResourceConfig }) {
  const queryClient = useQueryClient();
  const list = useCursorList<Item>(resourceQueryKey(config.path), config.path, { limit: 50 });
  const fields = useCatalogFields(config.key);
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Item | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['admin'] });

  const save = useMutation({
    mutationFn: (payload: Item) => (editing?.mode === 'edit' ? updateItem(config.path, itemId(editing.item), payload) : createItem(config.path, payload)),
    onSuccess: () => {
      setNotice(editing?.mode === 'edit' ? `The ${config.singular} was saved.` : `The ${config.singular} was created.`);
      setEditing(null);
      invalidate();
    },
  });
  const archive = useMutation({
    mutationFn: (item: Item) => archiveItem(config.path, itemId(item)),
    onSuccess: () => {
      setNotice(`The ${config.singular} was archived.`);
      setArchiving(null);
      invalidate();
    },
  });

  const items = list.items.filter((i) => !i.archived);
  const columns = columnsFor(config, items);
  const openEditor = (next: Editing) => {
    save.reset();
    setNotice(null);
    setEditing(next);
  };

  return (
    <div className="stack">
      <div className="row-between wrap">
        <p className="muted">{list.isSuccess ? `${items.length}${list.hasNextPage ? '+' : ''} ${config.title.toLowerCase()}` : '\u00a0'}</p>
        <Button onClick={() => openEditor({ mode: 'create' })}>New {config.singular}</Button>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {list.isPending && <SkeletonList rows={5} rowHeight="2.75rem" />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && <EmptyState title={`No ${config.title.toLowerCase()} yet`}>Create the first one.</EmptyState>}
      {list.isSuccess && items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{config.title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={itemId(item)}>
                  {columns.map((c) => (
                    <td key={c.key}>{cell(item, c)}</td>
                  ))}
                  <td className="table__actions">
                    <Button variant="ghost" size="sm" onClick={() => openEditor({ mode: 'edit', item })} aria-label={`Edit ${cell(item, columns[0] ?? { key: 'id', label: '' })}`}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => { archive.reset(); setArchiving(item); }} aria-label={`Archive ${cell(item, columns[0] ?? { key: 'id', label: '' })}`}>
                      Archive
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => list.fetchNextPage()} />

      <Dialog open={editing !== null} title={editing?.mode === 'edit' ? `Edit ${config.singular}` : `New ${config.singular}`} onClose={() => setEditing(null)} busy={save.isPending}>
        {editing && fields.isPending && <SkeletonList rows={4} rowHeight="3.5rem" />}
        {editing && fields.isError && <ErrorState error={fields.error} onRetry={() => fields.refetch()} />}
        {editing && fields.isSuccess && (
          <ResourceForm
            config={config}
            fields={fields.data}
            item={editing.mode === 'edit' ? editing.item : null}
            error={save.error}
            pending={save.isPending}
            onSubmit={(payload) => save.mutate(payload)}
            onCancel={() => setEditing(null)}
          />
        )}
        {editing?.mode === 'edit' && config.key === 'rewards' && (
          <RewardImageField
            rewardId={itemId(editing.item)}
            imageUrl={typeof editing.item.image_url === 'string' ? editing.item.image_url : null}
            rewardName={String(editing.item.name ?? '')}
          />
        )}
      </Dialog>
      <Dialog
        open={archiving !== null}
        title={`Archive this ${config.singular}?`}
        onClose={() => setArchiving(null)}
        busy={archive.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={() => setArchiving(null)} disabled={archive.isPending}>
              Cancel
            </Button>
            <Button variant="danger" loading={archive.isPending} onClick={() => archiving && archive.mutate(archiving)}>
              Archive
            </Button>
          </>
        }
      >
        <p>It disappears from new sales and the catalog; history that refers to it is kept.</p>
        {archive.isError && <Alert tone="danger">{errorMessage(archive.error)}</Alert>}
      </Dialog>
    </div>
  );
}
