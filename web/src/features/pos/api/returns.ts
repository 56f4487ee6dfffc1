import { api } from '@/lib/api';
import type { ResponseBody, Schema } from '@/api/contract';

/** The customer a return is for: a search result (a Profile), or the one the 360° view's link names. */
export type CustomerPick = Pick<Schema<'Profile'>, 'id' | 'email'> & { name?: string | null };

/** The return form lists this many of the customer's latest purchases. */
export const PURCHASES_SHOWN = 50;

export const customerPurchasesQueryKey = (customerId: string) => ['admin', 'customers', customerId, 'transactions'] as const;

export const listCustomerPurchases = (customerId: string) =>
  api
    .get<ResponseBody<'listCustomerTransactions'>>(`/admin/customers/${encodeURIComponent(customerId)}/transactions`, { query: { limit: PURCHASES_SHOWN } })
    .then((page) => page.items);

export const findCustomers = (q: string) =>
  api.get<ResponseBody<'searchCustomers'>>('/admin/customers', { query: { q, limit: 10 } }).then((page) => page.items);
