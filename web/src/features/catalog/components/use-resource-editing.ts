import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDialogTarget } from '@/lib/use-dialog-target';
import { archiveItem, createItem, updateItem } from '../api/resources';
import { itemId } from '../resources';
import type { Item, ResourceConfig } from '../types';

export type Editing = { mode: 'create' } | { mode: 'edit'; item: Item };

/** The item being created, edited or archived, the requests that do it, and the notice that says it was done. */
export function useResourceEditing(config: ResourceConfig) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const editor = useDialogTarget<Editing>(() => {
    save.reset();
    setNotice(null);
  });
  const archiving = useDialogTarget<Item>(() => archive.reset());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['admin'] });

  const save = useMutation({
    mutationFn: (payload: Item) => (editor.target?.mode === 'edit' ? updateItem(config.path, itemId(editor.target.item), payload) : createItem(config.path, payload)),
    onSuccess: () => {
      setNotice(editor.target?.mode === 'edit' ? `The ${config.singular} was saved.` : `The ${config.singular} was created.`);
      editor.close();
      invalidate();
    },
  });
  const archive = useMutation({
    mutationFn: (item: Item) => archiveItem(config.path, itemId(item)),
    onSuccess: () => {
      setNotice(`The ${config.singular} was archived.`);
      archiving.close();
      invalidate();
    },
  });

  return { editor, archiving, notice, save, archive };
}

export type ResourceEditing = ReturnType<typeof useResourceEditing>;
