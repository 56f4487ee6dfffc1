// The basket, kept in sessionStorage so it survives the trip to Stripe's page
// and back in the same tab. The name and price are kept for display only (the
// latest catalog answer replaces them): the server prices the checkout from
// its catalog. Bounds as the server's (50 lines, 1-99 each).
import type { CartLine, ShopProduct, StoredCartLine } from './types';

export const MAX_CART_LINES = 50;
export const MAX_QUANTITY = 99;
const STORAGE_KEY = 'patron.shop.cart';

/** The cart with `product` set to `quantity` (0 removes it), within the bounds. */
export function setQuantity(cart: StoredCartLine[], product: Pick<ShopProduct, 'sku' | 'name' | 'price_minor'>, quantity: number): StoredCartLine[] {
  const q = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const existing = cart.find((l) => l.sku === product.sku);
  if (!existing) {
    if (q === 0 || cart.length >= MAX_CART_LINES) return cart;
    return [...cart, { sku: product.sku, name: product.name, price_minor: product.price_minor, quantity: q }];
  }
  if (q === 0) return cart.filter((l) => l.sku !== product.sku);
  return cart.map((l) => (l.sku === product.sku ? { ...l, quantity: q } : l));
}

export function quantityOf(cart: CartLine[], sku: string): number {
  return cart.find((l) => l.sku === sku)?.quantity ?? 0;
}

export interface PricedCartLine extends StoredCartLine {
  line_total_minor: number;
}

/** Each line at the price the catalog shows now (or as last seen when it is not on screen), with the total. */
export function priceCart(cart: StoredCartLine[], products: ShopProduct[]): { lines: PricedCartLine[]; total_minor: number; items: number } {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const lines = cart.map((line) => {
    const product = bySku.get(line.sku);
    const current = product ? { ...line, name: product.name, price_minor: product.price_minor } : line;
    return { ...current, line_total_minor: current.price_minor * current.quantity };
  });
  return {
    lines,
    total_minor: lines.reduce((sum, l) => sum + l.line_total_minor, 0),
    items: lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}

export function parseCart(text: string | null): StoredCartLine[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    let cart: StoredCartLine[] = [];
    for (const item of raw.slice(0, MAX_CART_LINES)) {
      if (item && typeof item.sku === 'string' && typeof item.name === 'string' && Number.isInteger(item.quantity) && Number.isInteger(item.price_minor)) {
        cart = setQuantity(cart, item, item.quantity);
      }
    }
    return cart;
  } catch {
    return [];
  }
}

// A tiny external store, so every component sees the same cart.
let current: StoredCartLine[] | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function readCart(): StoredCartLine[] {
  if (current === null) current = parseCart(storage()?.getItem(STORAGE_KEY) ?? null);
  return current;
}

export function writeCart(cart: StoredCartLine[]): void {
  current = cart;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(cart));
  } catch {
    // private mode or full: the cart lives in memory only
  }
  listeners.forEach((l) => l());
}

export function subscribeCart(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
