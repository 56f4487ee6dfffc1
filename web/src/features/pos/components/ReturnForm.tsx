import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, EmptyState, ErrorState, Form, SelectField, SkeletonList, TextField } from '@/components/ui';
import { formatDate, formatMoney, formatPoints } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import type { Transaction } from '@/types/loyalty';
import { recordReturn } from '../api/pos';
import { customerPurchasesQueryKey, findCustomers, listCustomerPurchases, type CustomerPick } from '../api/returns';
import { returnableLines, returnRequestLines } from '../returnable';
import type { ReturnInput, ReturnResult } from '../types';

type Keys = readonly (readonly unknown[])[];

function purchaseLabel(txn: Transaction): string {
  const items = txn.lines.reduce((n, l) => n + l.quantity, 0);
  const where = txn.store_name ? ` · ${txn.store_name}` : '';
  return `${formatDate(txn.occurred_at)}${where} · ${formatMoney(txn.total_minor, txn.currency)} · ${items} item${items === 1 ? '' : 's'}`;
}

function CustomerFinder({ onPick }: { onPick: (c: CustomerPick) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['admin', 'customers', 'find', q], queryFn: () => findCustomers(q), enabled: q.length > 0 });
  return (
    <div className="stack">
      <Form aria-label="Find the customer" onSubmit={(data) => setQ(String(data.get('q') ?? '').trim())}>
        <div className="row wrap return-finder">
          <TextField label="Customer (email, name or card number)" name="q" autoComplete="off" required />
          <div>
            <Button type="submit" variant="secondary">
              Find
            </Button>
          </div>
        </div>
      </Form>
      {q && found.isPending && <SkeletonList rows={2} />}
      {found.data && found.data.length === 0 && <EmptyState title={`No customer matches “${q}”`} />}
      {found.data && found.data.length > 0 && (
        <ul className="list" aria-label="Matching customers">
          {found.data.map((c) => (
            <li key={c.id} className="row-between">
              <span className="truncate" title={c.email}>
                {c.name ? `${c.name} · ` : ''}
                {c.email}
              </span>
              <Button size="sm" variant="secondary" onClick={() => onPick(c)} aria-label={`Choose ${c.name || c.email}`}>
                Choose
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LinePicker({ txn, chosen, onChange }: { txn: Transaction; chosen: Record<string, number>; onChange: (sku: string, qty: number) => void }) {
  const lines = returnableLines(txn);
  if (lines.length === 0) return <EmptyState title="Everything from this purchase has been returned" />;
  return (
    <fieldset className="return-lines">
      <legend>Items to return</legend>
      {lines.map((l) => (
        <div key={l.sku} className="return-line">
          <div className="return-line__what">
            <strong>{l.name}</strong>
            <span className="muted small">
              {formatMoney(l.unit_price_minor, txn.currency)} each · {l.returnable} can be returned
            </span>
          </div>
          <TextField
            label={`Quantity of ${l.name} to return`}
            name={`lines.${l.sku}.quantity`}
            type="number"
            min={0}
            max={l.returnable}
            step={1}
            inputMode="numeric"
            value={String(chosen[l.sku] ?? 0)}
            onChange={(e) => onChange(l.sku, Math.min(l.returnable, Math.max(0, Math.trunc(Number(e.target.value) || 0))))}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** A return: the customer (given, or found), one of their purchases, and the quantities of its lines. */
export function ReturnForm({ invalidateKeys = [], customer: initial = null }: { invalidateKeys?: Keys; customer?: CustomerPick | null }) {
  const queryClient = useQueryClient();
  const [customer, setCustomer] = useState<CustomerPick | null>(initial);
  const [transactionId, setTransactionId] = useState('');
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [lineError, setLineError] = useState<string>();
  const [result, setResult] = useState<ReturnResult | null>(null);
  const purchases = useQuery({
    queryKey: customerPurchasesQueryKey(customer?.id ?? ''),
    queryFn: () => listCustomerPurchases(customer!.id),
    enabled: customer !== null,
  });
  const returnable = (purchases.data ?? []).filter((t) => returnableLines(t).length > 0);
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
  if (!customer) return <CustomerFinder onPick={setCustomer} />;
  return (
    <div className="stack">
      <div className="row-between wrap">
        <p className="return-customer">
          Customer: <strong className="truncate" title={customer.email}>{customer.name ? `${customer.name} · ${customer.email}` : customer.email}</strong>
        </p>
        <Button variant="ghost" size="sm" onClick={() => { setCustomer(null); setTransactionId(''); setChosen({}); edited(); }}>
          Change customer
        </Button>
      </div>
      {result && (
        <Alert tone="success" title="Return recorded">
          <span data-testid="return-result">
            {formatPoints(result.points_reversed)} points reversed · balance {formatPoints(result.balance_after)}
          </span>
        </Alert>
      )}
      {purchases.isPending && <SkeletonList rows={3} />}
      {purchases.isError && <ErrorState error={purchases.error} onRetry={() => purchases.refetch()} />}
      {purchases.data && returnable.length === 0 && <EmptyState title="No purchase of this customer has anything left to return" icon="cart" />}
      {returnable.length > 0 && (
        <Form
          aria-label="Record a return"
          error={mutation.error}
          onSubmit={() => {
            const lines = returnRequestLines(chosen);
            if (!txn || lines.length === 0) {
              setLineError('Choose at least one item to return.');
              return;
            }
            setLineError(undefined);
            mutation.mutate({ input: { transaction_id: txn.id, lines }, key: idempotencyKey });
          }}
        >
          <SelectField
            label="Purchase"
            name="transaction_id"
            value={transactionId}
            onChange={(e) => { setTransactionId(e.target.value); setChosen({}); edited(); }}
            required
          >
            <option value="">Choose a purchase…</option>
            {returnable.map((t) => (
              <option key={t.id} value={t.id}>
                {purchaseLabel(t)}
              </option>
            ))}
          </SelectField>
          {txn && <LinePicker txn={txn} chosen={chosen} onChange={(sku, qty) => { setChosen((c) => ({ ...c, [sku]: qty })); edited(); }} />}
          {lineError && <p className="field__error" role="alert">{lineError}</p>}
          <div>
            <Button type="submit" loading={mutation.isPending} disabled={!txn}>
              Record return
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
