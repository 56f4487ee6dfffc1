import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { archiveItem, createItem, updateItem } from '../api/resources';
import { itemId } from '../resources';
import type { Item, ResourceConfig } from '../types';

export type Editing = { mode: 'create' } | { mode: 'edit'; item: Item } | null;

/** The item being created, edited or archived, the requests that do it, and the notice that says it was done. */
export function useResourceEditing(config: ResourceConfig) {
  const queryClient = useQueryClient();
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

  const openEditor = (next: Editing) => {
    save.reset();
    setNotice(null);
    setEditing(next);
  };
  const openArchive = (item: Item) => {
    archive.reset();
    setArchiving(item);
  };
  return {
    editing,
    archiving,
    notice,
    save,
    archive,
    openEditor,
    openArchive,
    closeEditor: () => setEditing(null),
    closeArchive: () => setArchiving(null),
  };
}

export type ResourceEditing = ReturnType<typeof useResourceEditing>;
