import { Button, EmptyState } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import { currencyLabel, currencyName, currencyTitle, exampleConversion, rateSentence } from '../rates';
import type { CurrencyRate, CurrencyRates } from '../types';
import type { RateEditing } from './use-rate-editing';

interface RateRowProps {
  item: CurrencyRate;
  base: string;
  baseExponent: number;
  /** Edit and Remove, for admins; absent for everyone else. */
  actions?: { onEdit: () => void; onRemove: () => void };
}

/** One rate: the currency's name, the rate in words, a worked example and when it last changed. */
function RateRow({ item, base, baseExponent, actions }: RateRowProps) {
  const title = currencyTitle(item.currency);
  return (
    <li className="rate-row" data-testid={`rate-${item.currency}`}>
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
      {actions && (
        <div className="rate-row__actions">
          <Button variant="secondary" aria-label={`Edit the rate for ${title}`} onClick={actions.onEdit}>
            Edit
          </Button>
          <Button variant="ghost" className="rate-row__remove" aria-label={`Remove the rate for ${title}`} onClick={actions.onRemove}>
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}

/** The rates, or what having none means at the till. */
export function RateList({ rates, canEdit, manage }: { rates: CurrencyRates; canEdit: boolean; manage: RateEditing }) {
  const { base_currency: base, base_minor_unit_exponent: baseExponent, items } = rates;
  if (items.length === 0) {
    return (
      <EmptyState title="No exchange rates yet" icon="exchange">
        <p>
          Only purchases in {currencyLabel(base)} are accepted: a purchase in any other currency is refused until a rate is set for it.
          {canEdit ? ' Add a currency to accept it.' : ''}
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="rate-list" aria-labelledby="rates-heading">
      {items.map((item) => (
        <RateRow
          key={item.currency}
          item={item}
          base={base}
          baseExponent={baseExponent}
          actions={canEdit ? { onEdit: () => manage.editor.open({ mode: 'edit', item }), onRemove: () => manage.removing.open(item) } : undefined}
        />
      ))}
    </ul>
  );
}
