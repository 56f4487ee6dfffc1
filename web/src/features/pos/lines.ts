import { parseMoneyToMinor } from '@/lib/format';
import type { PurchaseLine } from './types';

/** A line as typed in the POS form: strings until submitted. */
export interface DraftLine {
  key: number;
  sku: string;
  quantity: string;
  unit_price: string;
}

export type LineErrors = Record<number, string>;

/** Validates draft lines; returns the API lines or the errors by line key. */
export function toPurchaseLines(drafts: DraftLine[], currency: string): { lines: PurchaseLine[]; errors: LineErrors } {
  const lines: PurchaseLine[] = [];
  const errors: LineErrors = {};
  for (const d of drafts) {
    const quantity = Number(d.quantity);
    const unit_price_minor = parseMoneyToMinor(d.unit_price, currency);
    if (!d.sku.trim()) errors[d.key] = 'Choose a product.';
    else if (!Number.isInteger(quantity) || quantity < 1) errors[d.key] = 'Quantity must be a whole number of at least 1.';
    else if (unit_price_minor === null) errors[d.key] = 'Enter a price such as 4.99.';
    else lines.push({ sku: d.sku.trim(), quantity, unit_price_minor });
  }
  return { lines, errors };
}

export function totalMinor(lines: PurchaseLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity * l.unit_price_minor, 0);
}
