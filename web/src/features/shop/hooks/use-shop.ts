import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { checkoutQueryKey, getCheckout, getShopConfig, listShopProducts, shopConfigQueryKey, shopProductsQueryKey, startCheckout } from '../api/shop';
import { readCart, setQuantity, subscribeCart, writeCart } from '../cart';
import type { CartLine, ShopProduct } from '../types';

export const useShopConfig = () => useQuery({ queryKey: shopConfigQueryKey, queryFn: getShopConfig });
export function useShopProducts(q: string) {
  const result = useInfiniteQuery({
    queryKey: shopProductsQueryKey(q),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => listShopProducts(q, pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  const currency = result.data?.pages[0]?.currency ?? 'USD';
  return { ...result, items, currency };
}

export function useCart() {
  const cart = useSyncExternalStore(subscribeCart, readCart, readCart);
  return {
    cart,
    setQuantity: (product: Pick<ShopProduct, 'sku' | 'name' | 'price_minor'>, quantity: number) => writeCart(setQuantity(readCart(), product, quantity)),
    clear: () => writeCart([]),
  };
}

/** Starts a Stripe Checkout and sends the browser to Stripe's page. */
export function useStartCheckout() {
  return useMutation({
    mutationFn: ({ lines, key }: { lines: CartLine[]; key: string }) => startCheckout(lines, key),
    onSuccess: (started) => window.location.assign(started.checkout_url),
  });
}

// The webhook usually lands within seconds; after this the page says the points will follow.
export const CHECKOUT_POLL_MS = 2_000;
export const CHECKOUT_POLL_LIMIT = 45;

export function useCheckoutStatus(sessionId: string) {
  return useQuery({
    queryKey: checkoutQueryKey(sessionId),
    queryFn: () => getCheckout(sessionId),
    enabled: sessionId !== '',
    retry: false,
    refetchInterval: (query) =>
      query.state.data?.status === 'open' && query.state.dataUpdateCount < CHECKOUT_POLL_LIMIT ? CHECKOUT_POLL_MS : false,
  });
}
