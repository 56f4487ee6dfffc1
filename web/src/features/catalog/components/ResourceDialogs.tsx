import { ConfirmDialog, Dialog, ErrorState, SkeletonList } from '@/components/ui';
import type { useCatalogFields } from '../api/schema';
import { itemId } from '../resources';
import { useCopy } from '@/lib/use-copy';
import type { Item, ResourceConfig } from '../types';
import { ResourceForm } from './ResourceForm';
import { RewardImageField } from './RewardImageField';
import type { ResourceEditing } from './use-resource-editing';

interface DialogProps {
  config: ResourceConfig;
  manage: ResourceEditing;
}

/** What people call an item: its name, else its code, else "this product". */
function itemTitle(item: Item, singular: string): string {
  const name = item.name ?? item.code;
  return typeof name === 'string' && name.trim() ? `“${name.trim()}”` : `this ${singular}`;
}

/** A store's id, which the point-of-sale API asks for: copied, not shown. */
function CopyStoreId({ id }: { id: string }) {
  const { copied, copy } = useCopy(id);
  return (
    <p className="muted small">
      The point-of-sale API names this store by its id.{' '}
      <button type="button" className="btn btn--ghost btn--sm" onClick={copy}>
        <span className="btn__label" aria-live="polite">
          {copied ? 'Copied' : 'Copy store id'}
        </span>
      </button>
    </p>
  );
}

/** The form for a new item or a change, once the catalog schema says which fields it has; a reward's image is set here too. */
export function EditResourceDialog({ config, manage, fields }: DialogProps & { fields: ReturnType<typeof useCatalogFields> }) {
  const { editor, save } = manage;
  const editing = editor.target;
  return (
    <Dialog open={editing !== null} title={editing?.mode === 'edit' ? `Edit ${config.singular}` : `New ${config.singular}`} onClose={editor.close} busy={save.isPending}>
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
          onCancel={editor.close}
        />
      )}
      {editing?.mode === 'edit' && config.key === 'stores' && <CopyStoreId id={itemId(editing.item)} />}
      {editing?.mode === 'edit' && config.key === 'rewards' && (
        <RewardImageField
          rewardId={itemId(editing.item)}
          imageUrl={typeof editing.item.image_url === 'string' ? editing.item.image_url : null}
          rewardName={String(editing.item.name ?? '')}
        />
      )}
    </Dialog>
  );
}

export function ArchiveResourceDialog({ config, manage }: DialogProps) {
  const { archiving, archive } = manage;
  return (
    <ConfirmDialog
      open={archiving.target !== null}
      title={archiving.target ? `Archive ${itemTitle(archiving.target, config.singular)}?` : ''}
      onClose={archiving.close}
      request={archive}
      confirmLabel="Archive"
      onConfirm={() => archiving.target && archive.mutate(archiving.target)}
    >
      <p>{config.archiveNote ?? 'History that refers to it is kept.'}</p>
    </ConfirmDialog>
  );
}
