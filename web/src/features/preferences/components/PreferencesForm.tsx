import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorState, Form, SkeletonList, TagInput } from '@/components/ui';
import { formatCategory } from '@/lib/format';
import { mergePreferences, preferencesQueryKey, putPreferences, readPreferences } from '../api/preferences';
import { useCatalogFacets, usePreferences } from '../hooks/use-preferences';
import { CHANNEL_LABELS, CHANNELS, type Preferences } from '../types';

/** Suggestions shown under each field (the catalog's first, alphabetically); anything else can be typed. */
const MAX_SUGGESTIONS = 12;

function Editor({ doc }: { doc: Preferences }) {
  const queryClient = useQueryClient();
  const facets = useCatalogFacets();
  const initial = readPreferences(doc);
  const [categories, setCategories] = useState(initial.favorite_categories);
  const [brands, setBrands] = useState(initial.favorite_brands);
  const [channels, setChannels] = useState(initial.channels);
  const mutation = useMutation({
    mutationFn: putPreferences,
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryKey, saved ?? mergePreferences(doc, { favorite_categories: categories, favorite_brands: brands, channels })),
  });
  const toggle = (channel: string, on: boolean) => setChannels((list) => (on ? [...new Set([...list, channel])] : list.filter((c) => c !== channel)));
  return (
    <Form
      aria-label="Preferences"
      error={mutation.error}
      success={mutation.isSuccess ? 'Preferences saved.' : undefined}
      onSubmit={() => mutation.mutate(mergePreferences(doc, { favorite_categories: categories, favorite_brands: brands, channels }))}
    >
      <TagInput label="Favourite categories" values={categories} onChange={setCategories} placeholder="Add a category" suggestions={(facets.data?.categories ?? []).slice(0, MAX_SUGGESTIONS)} format={formatCategory} />
      <TagInput label="Favourite brands" values={brands} onChange={setBrands} placeholder="Add a brand" suggestions={(facets.data?.brands ?? []).slice(0, MAX_SUGGESTIONS)} />
      <fieldset className="field">
        <legend className="field__label">How may we contact you?</legend>
        <div className="checkbox-group">
          {CHANNELS.map((channel) => (
            <label key={channel} className="checkbox">
              <input type="checkbox" name="channels" value={channel} checked={channels.includes(channel)} onChange={(e) => toggle(channel, e.target.checked)} />
              <span>{CHANNEL_LABELS[channel]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" loading={mutation.isPending}>
          Save preferences
        </Button>
      </div>
    </Form>
  );
}

export function PreferencesForm() {
  const q = usePreferences();
  if (q.isPending) return <SkeletonList rows={3} rowHeight="4.5rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <Editor doc={q.data} />;
}
