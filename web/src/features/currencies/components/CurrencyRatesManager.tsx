import { useState } from 'react';
import { Alert, Button, Card, Dialog, EmptyState, ErrorState, SkeletonList } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { formatDate, formatDateTime } from '@/lib/format';
import { useCurrencyRates, useRemoveCurrencyRate, useSaveCurrencyRate } from '../hooks/use-currency-rates';
import { currencyLabel, currencyName, currencyNamePlural, currencyTitle, exampleConversion, rateSentence } from '../rates';
import type { CurrencyRate } from '../types';
import { RateForm } from './RateForm';

type Editing = { mode: 'add' } | { mode: 'edit'; item: CurrencyRate } | null;

/**
 * The program's base currency and the exchange rates to it. Everyone on staff
 * reads them; only an admin (`canEdit`) adds, changes or removes a rate.
 */
export function CurrencyRatesManager({ canEdit }: { canEdit: boolean }) {
  const rates = useCurrencyRates();
  const save = useSaveCurrencyRate();
  const remove = useRemoveCurrencyRate();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<CurrencyRate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (rates.isPending) {
    return (
      <div className="stack-lg" aria-busy="true">
        <SkeletonList rows={1} rowHeight="7rem" />
        <SkeletonList rows={3} rowHeight="5.5rem" />
      </div>
    );
  }
  if (rates.isError) return <ErrorState error={rates.error} onRetry={() => rates.refetch()} />;

  const { base_currency: base, base_minor_unit_exponent: baseExponent, items } = rates.data;
  const baseWords = currencyLabel(base);
  const basePlural = currencyNamePlural(base);

  const openEditor = (next: Editing) => {
    save.reset();
    setNotice(null);
    setEditing(next);
  };

  return (
    <div className="stack-lg">
      <Card title="Base currency" className="base-currency">
        <div className="base-currency__text">
          <p className="base-currency__lead" data-testid="base-currency">
            Points are earned in <strong>{baseWords}</strong>.
          </p>
          <p className="muted">
            A purchase in another currency is converted to {basePlural} at its rate below, and earns points on the converted amount. A purchase in a
            currency without a rate is refused at the till.
          </p>
        </div>
      </Card>

      <section className="stack" aria-labelledby="rates-heading">
        <div className="row-between wrap">
          <h2 id="rates-heading" className="section-title">
            Exchange rates
          </h2>
          {canEdit && <Button onClick={() => openEditor({ mode: 'add' })}>Add a currency</Button>}
        </div>
        {!canEdit && <p className="muted">Only an admin can add, change or remove a rate.</p>}
        {notice && <Alert tone="success">{notice}</Alert>}

        {items.length === 0 ? (
          <EmptyState title="No exchange rates yet" icon="exchange">
            <p>
              Only purchases in {baseWords} are accepted: a purchase in any other currency is refused until a rate is set for it.
              {canEdit ? ' Add a currency to accept it.' : ''}
            </p>
          </EmptyState>
        ) : (
          <ul className="rate-list" aria-labelledby="rates-heading">
            {items.map((item) => {
              const title = currencyTitle(item.currency);
              return (
                <li key={item.currency} className="rate-row" data-testid={`rate-${item.currency}`}>
                  <div className="rate-row__main">
                    <h3 className="rate-row__title">{currencyName(item.currency) ?? item.currency}</h3>
                    <p className="rate-row__rate" data-testid="rate-sentence">
                      {rateSentence(item.currency, item.rate, base)}
                    </p>
                    <p className="rate-row__meta">
                      {exampleConversion(item.currency, item.minor_unit_exponent, item.rate, base, baseExponent)}
                      {item.updated_at && (
                        <>
                          {' · '}Updated{' '}
                          <time dateTime={item.updated_at} title={formatDateTime(item.updated_at)}>
                            {formatDate(item.updated_at)}
                          </time>
                        </>
                      )}
                    </p>
                  </div>
                  {canEdit && (
                    <div className="rate-row__actions">
                      <Button variant="secondary" aria-label={`Edit the rate for ${title}`} onClick={() => openEditor({ mode: 'edit', item })}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        className="rate-row__remove"
                        aria-label={`Remove the rate for ${title}`}
                        onClick={() => {
                          remove.reset();
                          setNotice(null);
                          setRemoving(item);
                        }}
                      >
                        Remove
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <Dialog
        open={editing !== null}
        title={editing?.mode === 'edit' ? `Change the rate for ${currencyTitle(editing.item.currency)}` : 'Add a currency'}
        onClose={() => setEditing(null)}
        busy={save.isPending}
      >
        {editing && (
          <RateForm
            item={editing.mode === 'edit' ? editing.item : null}
            base={base}
            baseExponent={baseExponent}
            existing={items.map((i) => i.currency)}
            error={save.error}
            pending={save.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={(value) =>
              save.mutate(value, {
                onSuccess: (saved) => {
                  const code = saved?.currency ?? value.currency;
                  setNotice(`Saved: ${rateSentence(code, saved?.rate ?? value.rate, base)}. Purchases in ${currencyNamePlural(code)} are converted at this rate from now on.`);
                  setEditing(null);
                },
              })
            }
          />
        )}
      </Dialog>

      <Dialog
        open={removing !== null}
        title={removing ? `Remove the rate for ${currencyTitle(removing.currency)}?` : ''}
        onClose={() => setRemoving(null)}
        busy={remove.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={() => setRemoving(null)} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() =>
                removing &&
                remove.mutate(removing.currency, {
                  onSuccess: () => {
                    setNotice(`The rate for ${currencyTitle(removing.currency)} was removed. Purchases in ${currencyNamePlural(removing.currency)} are refused until a rate is set again.`);
                    setRemoving(null);
                  },
                })
              }
            >
              Remove rate
            </Button>
          </>
        }
      >
        {removing && (
          <p>
            Purchases in {currencyNamePlural(removing.currency)} will be refused at the till until a rate is set again. Purchases already recorded keep
            the rate they were converted at.
          </p>
        )}
        {remove.isError && <Alert tone="danger">{errorMessage(remove.error)}</Alert>}
      </Dialog>
    </div>
  );
}
