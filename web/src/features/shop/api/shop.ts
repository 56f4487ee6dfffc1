import { api } from '@/lib/api';
import type { CartLine, CheckoutStarted, CheckoutStatus, ShopConfig, ShopProductsPage } from '../types';

export const shopConfigQueryKey = ['shop', 'config'] as const;
export const shopProductsQueryKey = (q: string) => ['shop', 'products', q] as const;
export const checkoutQueryKey = (sessionId: string) => ['shop', 'checkout', sessionId] as const;
export const SHOP_PAGE_LIMIT = 24;

export type { ShopProductsPage } from '../types';

export const getShopConfig = () => api.get<ShopConfig>('/shop/config');

/** Newest first; `q` searches names, brands and categories. */
export const listShopProducts = (q: string, cursor: string | null) =>
  api.get<ShopProductsPage>('/shop/products', { query: { q, limit: SHOP_PAGE_LIMIT, cursor } });

/** Prices come from the catalog on the server; only SKUs and quantities are sent. */
export const startCheckout = (lines: CartLine[], idempotencyKey: string) =>
  api.post<CheckoutStarted>('/shop/checkout', { lines }, { idempotencyKey });

export const getCheckout = (sessionId: string) => api.get<CheckoutStatus>(`/shop/checkout/${encodeURIComponent(sessionId)}`);
