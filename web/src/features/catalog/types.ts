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
  /** The cell's words; `amount(key)` writes another money field of the item as money. */
  render?: (item: Item, amount: (key: string) => string) => string;
  /** An amount in minor units, written as money in the field's currency (from the schema) or the item's. */
  money?: boolean;
  /** A code people read as one word (a SKU, a store code): never broken over lines. */
  code?: boolean;
  /** A short phrase read at a glance (a rule's kind, its effect): kept on one line, the table scrolls instead. */
  oneLine?: boolean;
  /** The column that names the item (when it is not the first): it keeps room to read, the table scrolls instead. */
  lead?: boolean;
}

export interface ResourceConfig {
  key: ResourceKey;
  title: string;
  singular: string;
  path: string;
  columns?: ColumnDef[];
  /** The order items are listed in, where it is not the server's (tiers by their qualifying spend). */
  order?: (a: Item, b: Item) => number;
  /** What archiving an item does, in the confirmation. */
  archiveNote?: string;
}
