import { useState, type ReactNode } from 'react';
import { Button, EmptyState, ErrorState, Form, SkeletonList, TextField } from '@/components/ui';
import { contactEmail, memberReference } from '../display';
import { useCustomerSearch } from '../hooks/use-customers';
import type { CustomerSummary } from '../types';

/** `renderLink` lets the app decide where a customer opens (its routes, not this feature's). */
export function CustomerSearch({ renderLink }: { renderLink: (customer: CustomerSummary, children: ReactNode) => ReactNode }) {
  const [q, setQ] = useState('');
  const search = useCustomerSearch(q);
  return (
    <div className="stack">
      <Form aria-label="Search customers" onSubmit={(data) => setQ(String(data.get('q') ?? '').trim())} className="search-form">
        <TextField label="Search by email, name or card number" name="q" type="search" autoComplete="off" />
        <Button type="submit" loading={search.isFetching}>
          Search
        </Button>
      </Form>
      {!q && <EmptyState title="Find a customer" icon="search">Search by email, name or card number.</EmptyState>}
      {q && search.isPending && <SkeletonList rows={3} />}
      {q && search.isError && <ErrorState error={search.error} onRetry={() => search.refetch()} />}
      {q && search.data && search.data.length === 0 && <EmptyState title={`No customer matches “${q}”`} />}
      {q && search.data && search.data.length > 0 && (
        <ul className="list" aria-label="Customers found">
          {search.data.map((c) => (
            <li key={c.id} className="list__row">
              {renderLink(
                c,
                <span className="customer-row">
                  <strong>{c.name || 'Unnamed customer'}</strong>
                  <span className="muted small">
                    {contactEmail(c.email) ?? 'No e-mail'} · <span className="mono">{memberReference(c).value}</span>
                  </span>
                </span>,
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
