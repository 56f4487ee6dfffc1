import { api } from '@/lib/api';
import { fetchPage } from '@/lib/use-cursor-list';
import type { Product, Store } from '@/types/catalog';
import type { PurchaseInput, PurchaseResult, ReturnInput, ReturnResult } from '../types';

/** The POS pick lists need every store and product; the API caps a page at 200. */
const PICK_LIST_LIMIT = 200;

export const posStoresQueryKey = ['admin', 'stores', 'pick-list'] as const;
export const posProductsQueryKey = ['admin', 'products', 'pick-list'] as const;

export const listStores = () => fetchPage<Store>('/admin/stores', { limit: PICK_LIST_LIMIT }).then((p) => p.items.filter((s) => !s.archived));
export const listProducts = () => fetchPage<Product>('/admin/products', { limit: PICK_LIST_LIMIT }).then((p) => p.items.filter((x) => !x.archived));

export const recordPurchase = (input: PurchaseInput, idempotencyKey: string) =>
  api.post<PurchaseResult>('/pos/purchases', input, { idempotencyKey });

export const recordReturn = (input: ReturnInput, idempotencyKey: string) => api.post<ReturnResult>('/pos/returns', input, { idempotencyKey });
