import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { CatalogResourceSchema, FieldDef, ResourceKey } from '../types';

/** The catalog schema the server checks every write against; it changes only with a release. */
export const fetchCatalogSchema = () => api.get<{ resources: CatalogResourceSchema[] }>('/admin/catalog/schema');

// Not under ['admin']: saving an item refreshes the lists, not the schema.
export const catalogSchemaQueryKey = ['catalog-schema'] as const;

/** The form fields of one resource, from the server's schema. */
export function useCatalogFields(key: ResourceKey) {
  return useQuery({
    queryKey: catalogSchemaQueryKey,
    queryFn: fetchCatalogSchema,
    staleTime: Infinity,
    select: (schema): FieldDef[] => schema.resources.find((r) => r.name === key)?.fields ?? [],
  });
}
