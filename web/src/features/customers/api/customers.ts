import { api, itemsOf } from '@/lib/api';
import type { LedgerEntry, Transaction } from '@/types/loyalty';
import type { Offer } from '@/types/offers';
import type { AdjustmentInput, Customer360, CustomerAccount, CustomerProfile, CustomerSummary, FeedbackItem } from '../types';

export const customersQueryKey = ['admin', 'customers'] as const;
export const customerQueryKey = (id: string) => ['admin', 'customers', id] as const;

export const searchCustomers = (q: string) =>
  api.get<unknown>('/admin/customers', { query: { q, limit: 50 } }).then((raw) => itemsOf<CustomerSummary>(raw));

const present = (value: unknown) => value !== undefined && value !== null;

/** Accepts the 360° answer with its parts at the top level or nested, lists as arrays or pages. */
export function normalize360(raw: Record<string, unknown>): Customer360 {
  const profile = (raw.profile ?? raw.customer ?? raw) as CustomerProfile;
  const account = (raw.account ?? (profile as unknown as { account?: unknown }).account ?? null) as CustomerAccount | null;
  const view: Customer360 = {
    profile,
    account,
    transactions: itemsOf<Transaction>(raw.transactions ?? raw.recent_transactions),
    ledger: itemsOf<LedgerEntry>(raw.ledger),
    preferences: (raw.preferences as Record<string, unknown> | null) ?? null,
    feedback: itemsOf<FeedbackItem>(raw.feedback ?? raw.recent_feedback),
    offers: itemsOf<Offer>(raw.offers),
  };
  if (present(raw.segment)) view.segment = raw.segment;
  if (present(raw.clv)) view.clv = raw.clv;
  if (present(raw.p_alive)) view.p_alive = raw.p_alive;
  return view;
}

export const getCustomer360 = (id: string) =>
  api.get<Record<string, unknown>>(`/admin/customers/${encodeURIComponent(id)}`).then(normalize360);

export const postAdjustment = (id: string, input: AdjustmentInput, idempotencyKey: string) =>
  api.post<LedgerEntry>(`/admin/customers/${encodeURIComponent(id)}/adjustments`, input, { idempotencyKey });
