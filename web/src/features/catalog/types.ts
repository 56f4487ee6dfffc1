export type ResourceKey = 'products' | 'rewards' | 'earning-rules' | 'tiers' | 'stores';

/** permille: typed as a multiplier ("1.25"), sent as an integer ×1000 (1250). */
export type FieldType = 'text' | 'textarea' | 'integer' | 'money' | 'datetime' | 'select' | 'permille';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  hint?: string;
  /** For money fields: the field holding the currency (default "currency"). */
  currencyField?: string;
  /** For select fields. */
  options?: { value: string; label: string }[];
}

export type Item = Record<string, unknown>;

export interface ColumnDef {
  key: string;
  label: string;
  render?: (item: Item) => string;
}

export interface ResourceConfig {
  key: ResourceKey;
  title: string;
  singular: string;
  path: string;
  /** Typed form; without it the object is edited as JSON (shapes not fixed in api.md yet). */
  fields?: FieldDef[];
  /** Starting JSON for a new object when there is no typed form. */
  template?: Item;
  columns?: ColumnDef[];
}
