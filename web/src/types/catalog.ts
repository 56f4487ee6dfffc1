// Catalog shapes used by the POS and the management screens, as docs/openapi.yaml documents them
// (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

export type Product = Schema<'Product'>;
export type Store = Schema<'Store'>;
