import type { Transaction } from '@/types/loyalty';

/** A purchase line with what may still be returned of it. */
export interface ReturnableLine {
  sku: string;
  name: string;
  unit_price_minor: number;
  returnable: number;
}

export function returnableLines(txn: Transaction): ReturnableLine[] {
  return txn.lines
    .map((l) => ({ sku: l.sku, name: l.name, unit_price_minor: l.unit_price_minor, returnable: Math.max(0, l.quantity - (l.returned_quantity ?? 0)) }))
    .filter((l) => l.returnable > 0);
}

/** The lines to send: one per SKU with a quantity above 0 (several lines of one SKU are one return line). */
export function returnRequestLines(chosen: Record<string, number>): { sku: string; quantity: number }[] {
  return Object.entries(chosen)
    .filter(([, quantity]) => Number.isInteger(quantity) && quantity > 0)
    .map(([sku, quantity]) => ({ sku, quantity }));
}

/** Returnable quantity per SKU over the purchase's lines. */
export function returnableBySku(txn: Transaction): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of returnableLines(txn)) out[l.sku] = (out[l.sku] ?? 0) + l.returnable;
  return out;
}
