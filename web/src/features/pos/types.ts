// The point-of-sale requests and answers, as docs/openapi.yaml documents them (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

/**
 * How the till names the customer: their e-mail or their card number. The API
 * also takes the record's id (for integrations), which no cashier knows.
 */
export type CustomerKey = Exclude<keyof Schema<'CustomerRef'>, 'id'>;
/** A line as the POS form sends it: always priced. */
export type PurchaseLine = Required<Schema<'PurchaseLine'>>;
export type PurchaseInput = Schema<'PurchaseRequest'>;
export type PurchaseResult = Schema<'PurchaseResult'>;
/** Each bonus, named by its source (`rule`, `tier` or `offer`) and its human name. */
export type AppliedItem = PurchaseResult['applied'][number];
export type ReturnInput = Schema<'ReturnRequest'>;
export type ReturnResult = Schema<'ReturnResult'>;
