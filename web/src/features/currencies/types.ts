// GET/PUT /admin/currency-rates, as docs/openapi.yaml documents them (generated: src/api/schema.d.ts).
// `rate` is decimal text: the base-currency major units one major unit of `currency` is worth ("1.08").
import type { Schema } from '@/api/contract';

export type CurrencyRate = Schema<'CurrencyRate'>;
export type CurrencyRates = Schema<'CurrencyRates'>;
