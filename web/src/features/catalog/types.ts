import type { Schema } from '@/api/contract';

export type ResourceKey = 'products' | 'rewards' | 'earning-rules' | 'tiers' | 'stores';

/**
 * A field of the catalog schema, as the server sends it (GET /admin/catalog/schema): the same schema checks every
 * write, so the form asks for what the server accepts. permille: typed as a multiplier ("1.25"), sent ×1000 (1250).
 */
export type FieldDef = Schema<'CatalogField'>;
export type CatalogResourceSchema = Schema<'CatalogResource'>;

export type Item = Record<string, unknown>;

export interface ColumnDef {
  key: string;
  label: string;
  render?: (item: Item) => string;
  /** A code people read as one word (a SKU, a store code): never broken over lines. */
  code?: boolean;
}

export interface ResourceConfig {
  key: ResourceKey;
  title: string;
  singular: string;
  path: string;
  columns?: ColumnDef[];
}
