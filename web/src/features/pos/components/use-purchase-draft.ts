import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { newIdempotencyKey } from '@/lib/idempotency';
import type { Product } from '@/types/catalog';
import { recordPurchase } from '../api/pos';
import { toPurchaseLines, type DraftLine, type LineErrors } from '../lines';
import type { CustomerKey, PurchaseInput, PurchaseResult } from '../types';

/** The customer as the API looks them up: a card number as printed ("7427 3458 7404") is sent as its digits. */
export const customerRef = (key: CustomerKey, value: string): PurchaseInput['customer'] => ({
  [key]: key === 'card_number' ? value.replace(/[\s-]+/g, '') : value.trim(),
});

type Keys = readonly (readonly unknown[])[];

const DEFAULT_CURRENCY = 'USD'; // the server's default program currency

let nextLineKey = 1;
export const newLine = (): DraftLine => ({ key: nextLineKey++, sku: '', quantity: '1', unit_price: '' });
const newExternalId = () => `web-${newIdempotencyKey().slice(0, 8)}`;

/** The currency of the first product in the basket; before one is chosen, the catalog's. */
function basketCurrency(products: Product[], lines: DraftLine[]): string {
  const first = products.find((p) => lines.some((l) => l.sku === p.sku));
  return first?.currency || products[0]?.currency || DEFAULT_CURRENCY;
}

/** Sends the purchase and keeps the answer; `onRecorded` clears the draft for the next one. */
function useRecordPurchase(invalidateKeys: Keys, onRecorded: () => void) {
  const queryClient = useQueryClient();
  // One key per draft: any edit makes a new purchase, a plain retry reuses it.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<PurchaseResult | null>(null);
  const mutation = useMutation({
    mutationFn: (args: Parameters<typeof recordPurchase>) => recordPurchase(...args),
    onSuccess: (answer) => {
      setResult(answer);
      onRecorded();
      setIdempotencyKey(newIdempotencyKey());
      for (const k of invalidateKeys) queryClient.invalidateQueries({ queryKey: k });
    },
  });
  const edited = () => {
    setIdempotencyKey(newIdempotencyKey());
    setResult(null);
  };
  const record = (input: PurchaseInput) => mutation.mutate([input, idempotencyKey]);
  return { mutation, result, edited, record };
}

interface PurchaseDraftOptions {
  products: Product[];
  invalidateKeys: Keys;
  customer?: { email: string } | null;
}

/** The purchase as typed at the till: who, where, the receipt number and the basket's lines (checked on submit). */
export function usePurchaseDraft({ products, invalidateKeys, customer }: PurchaseDraftOptions) {
  const [customerKey, setCustomerKey] = useState<CustomerKey>('email');
  const [customerValue, setCustomerValue] = useState(customer?.email ?? '');
  const [storeId, setStoreId] = useState('');
  const [externalId, setExternalId] = useState(newExternalId);
  const [lines, setLines] = useState<DraftLine[]>(() => [newLine()]);
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const currency = useMemo(() => basketCurrency(products, lines), [products, lines]);
  const recording = useRecordPurchase(invalidateKeys, () => {
    setLines([newLine()]);
    setExternalId(newExternalId());
  });

  const submit = () => {
    const { lines: apiLines, errors } = toPurchaseLines(lines, currency);
    setLineErrors(errors);
    if (Object.keys(errors).length > 0) return;
    recording.record({
      customer: customerRef(customerKey, customerValue),
      store_id: storeId,
      occurred_at: new Date().toISOString(),
      currency,
      external_id: externalId.trim(),
      lines: apiLines,
    });
  };

  const fields = { customerKey, setCustomerKey, customerValue, setCustomerValue, storeId, setStoreId, externalId, setExternalId };
  return { ...fields, ...recording, lines, setLines, lineErrors, currency, submit };
}

export type PurchaseDraft = ReturnType<typeof usePurchaseDraft>;
