import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, EmptyState, ErrorState, Form, SkeletonList, TextField } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { findCustomers, type CustomerPick } from '../api/returns';
import { ReturnLinesForm } from './ReturnLinesForm';
import { useReturnDraft } from './use-return-draft';

type Keys = readonly (readonly unknown[])[];

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

/** A return: the customer (given, or found), one of their purchases, and the quantities of its lines. */
export function ReturnForm({ invalidateKeys = [], customer: initial = null }: { invalidateKeys?: Keys; customer?: CustomerPick | null }) {
  const draft = useReturnDraft(invalidateKeys, initial);
  const { customer, result, purchases, returnable } = draft;
  if (!customer) return <CustomerFinder onPick={draft.setCustomer} />;
  return (
    <div className="stack">
      <div className="row-between wrap">
        <p className="return-customer">
          Customer: <strong className="truncate" title={customer.email}>{customer.name ? `${customer.name} · ${customer.email}` : customer.email}</strong>
        </p>
        <Button variant="ghost" size="sm" onClick={() => draft.changeCustomer()}>
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
      {returnable.length > 0 && <ReturnLinesForm draft={draft} />}
    </div>
  );
}
