import { api } from '@/lib/api';
import type { ResponseBody } from '@/api/contract';
import type { LedgerEntry } from '@/types/loyalty';
import type { AdjustmentInput, Customer360 } from '../types';

export const customersQueryKey = ['admin', 'customers'] as const;
export const customerQueryKey = (id: string) => ['admin', 'customers', id] as const;

export const searchCustomers = (q: string) =>
  api.get<ResponseBody<'searchCustomers'>>('/admin/customers', { query: { q, limit: 50 } }).then((page) => page.items);

export const getCustomer360 = (id: string) => api.get<Customer360>(`/admin/customers/${encodeURIComponent(id)}`);

export const postAdjustment = (id: string, input: AdjustmentInput, idempotencyKey: string) =>
  api.post<LedgerEntry>(`/admin/customers/${encodeURIComponent(id)}/adjustments`, input, { idempotencyKey });
