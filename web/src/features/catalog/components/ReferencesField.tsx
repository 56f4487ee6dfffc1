import { useQuery } from '@tanstack/react-query';
import { Checkbox, ErrorState, Skeleton } from '@/components/ui';
import { api } from '@/lib/api';
import { referencedIds } from '../form-values';
import type { FieldDef, Item } from '../types';

/** How many items a picker offers: the server allows a field to name at most 100, and lists pages of at most 200. */
const MAX_PICKABLE = 200;

const itemsOf = (resource: string) =>
  api.get<{ items: Item[]; next_cursor: string | null }>(`/admin/${resource}?limit=${MAX_PICKABLE}`);

/** A `references` field (an earning rule's stores) as ticks by name: nobody types an id. */
export function ReferencesField({ field, item, error }: { field: FieldDef; item: Item | null; error?: string }) {
  const resource = field.references ?? '';
  const query = useQuery({ queryKey: ['admin', 'resource', `/admin/${resource}`, 'pick'], queryFn: () => itemsOf(resource), enabled: !!resource });
  const chosen = new Set(referencedIds(item?.[field.name]));
  return (
    <fieldset className={['field', error && 'field--invalid'].filter(Boolean).join(' ')}>
      <legend className="field__label">{field.label}</legend>
      {query.isPending && <Skeleton height="2.5rem" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && (
        <div className="checkbox-group">
          {query.data.items.map((option) => (
            <Checkbox
              key={String(option.id)}
              name={field.name}
              value={String(option.id)}
              defaultChecked={chosen.has(String(option.id))}
              label={option.code ? `${String(option.name)} (${String(option.code)})` : String(option.name)}
            />
          ))}
        </div>
      )}
      {query.isSuccess && query.data.next_cursor && <p className="field__hint">Only the first {MAX_PICKABLE} are offered here.</p>}
      {field.hint && <p className="field__hint">{field.hint}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
