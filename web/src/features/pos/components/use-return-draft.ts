import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { newIdempotencyKey } from '@/lib/idempotency';
import { recordReturn } from '../api/pos';
import { customerPurchasesQueryKey, listCustomerPurchases, type CustomerPick } from '../api/returns';
import { returnableLines, returnRequestLines } from '../returnable';
import type { ReturnInput, ReturnResult } from '../types';

type Keys = readonly (readonly unknown[])[];

/** The customer's purchases that still have something to return. */
function useReturnablePurchases(customer: CustomerPick | null) {
  const purchases = useQuery({
    queryKey: customerPurchasesQueryKey(customer?.id ?? ''),
    queryFn: () => listCustomerPurchases(customer!.id),
    enabled: customer !== null,
  });
  const returnable = (purchases.data ?? []).filter((t) => returnableLines(t).length > 0);
  return { purchases, returnable };
}

/** The return being put together: the customer, one of their purchases, the quantity of each line; and its recording. */
export function useReturnDraft(invalidateKeys: Keys, initial: CustomerPick | null) {
  const queryClient = useQueryClient();
  const [customer, setCustomer] = useState<CustomerPick | null>(initial);
  const [transactionId, setTransactionId] = useState('');
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [lineError, setLineError] = useState<string>();
  const [result, setResult] = useState<ReturnResult | null>(null);
  const { purchases, returnable } = useReturnablePurchases(customer);
  const txn = returnable.find((t) => t.id === transactionId) ?? null;
  const mutation = useMutation({
    mutationFn: ({ input, key }: { input: ReturnInput; key: string }) => recordReturn(input, key),
    onSuccess: (answer) => {
      setResult(answer);
      setTransactionId('');
      setChosen({});
      setIdempotencyKey(newIdempotencyKey());
      for (const k of [...invalidateKeys, customerPurchasesQueryKey(customer?.id ?? '')]) queryClient.invalidateQueries({ queryKey: k });
    },
  });
  const edited = () => {
    setIdempotencyKey(newIdempotencyKey());
    setResult(null);
  };
  const submit = () => {
    const lines = returnRequestLines(chosen);
    if (!txn || lines.length === 0) {
      setLineError('Choose at least one item to return.');
      return;
    }
    setLineError(undefined);
    mutation.mutate({ input: { transaction_id: txn.id, lines }, key: idempotencyKey });
  };
  const changeCustomer = () => { setCustomer(null); setTransactionId(''); setChosen({}); edited(); };
  const choosePurchase = (id: string) => { setTransactionId(id); setChosen({}); edited(); };
  const chooseQuantity = (sku: string, qty: number) => { setChosen((c) => ({ ...c, [sku]: qty })); edited(); };
  return { customer, setCustomer, transactionId, chosen, lineError, result, purchases, returnable, txn, mutation, submit, changeCustomer, choosePurchase, chooseQuantity };
}

export type ReturnDraft = ReturnType<typeof useReturnDraft>;
