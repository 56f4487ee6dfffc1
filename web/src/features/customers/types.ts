// The staff view of customers, as docs/openapi.yaml documents it (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

/** An item of GET /admin/customers (the search). */
export type CustomerSummary = Schema<'Profile'>;
/** GET /admin/customers/{id}: the profile with the account, recent history, analytics and behaviour fields. */
export type Customer360 = Schema<'Customer360'>;
/** What the page's actions get: the 360° view, whose profile fields are at its top level. */
export type CustomerProfile = Customer360;
export type CustomerAccount = Schema<'Account'>;
export type FeedbackItem = Schema<'FeedbackCreated'>;
export type AdjustmentInput = Schema<'AdjustmentRequest'>;
