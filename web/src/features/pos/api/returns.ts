import { api, itemsOf } from '@/lib/api';
import type { Transaction } from '@/types/loyalty';

export interface CustomerPick {
  id: string;
  email: string;
  name?: string | null;
}

/** The return form lists this many of the customer's latest purchases. */
export const PURCHASES_SHOWN = 50;

export const customerPurchasesQueryKey = (customerId: string) => ['admin', 'customers', customerId, 'transactions'] as const;

export const listCustomerPurchases = (customerId: string) =>
  api
    .get<{ items: Transaction[] }>(`/admin/customers/${encodeURIComponent(customerId)}/transactions`, { query: { limit: PURCHASES_SHOWN } })
    .then((page) => page.items);

export const findCustomers = (q: string) =>
  api.get<unknown>('/admin/customers', { query: { q, limit: 10 } }).then((raw) => itemsOf<CustomerPick>(raw));
