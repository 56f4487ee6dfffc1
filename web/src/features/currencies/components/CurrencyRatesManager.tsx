import { Alert, Button, ErrorState, SkeletonList } from '@/components/ui';
import { useCurrencyRates } from '../hooks/use-currency-rates';
import { BaseCurrencyCard } from './BaseCurrencyCard';
import { EditRateDialog, RemoveRateDialog } from './RateDialogs';
import { RateList } from './RateList';
import { useRateEditing } from './use-rate-editing';

/**
 * The program's base currency and the exchange rates to it. Everyone on staff
 * reads them; only an admin (`canEdit`) adds, changes or removes a rate.
 */
export function CurrencyRatesManager({ canEdit }: { canEdit: boolean }) {
  const rates = useCurrencyRates();
  const manage = useRateEditing();

  if (rates.isPending) {
    return (
      <div className="stack-lg" aria-busy="true">
        <SkeletonList rows={1} rowHeight="7rem" />
        <SkeletonList rows={3} rowHeight="5.5rem" />
      </div>
    );
  }
  if (rates.isError) return <ErrorState error={rates.error} onRetry={() => rates.refetch()} />;

  return (
    <div className="stack-lg">
      <BaseCurrencyCard base={rates.data.base_currency} />

      <section className="stack" aria-labelledby="rates-heading">
        <div className="row-between wrap">
          <h2 id="rates-heading" className="section-title">
            Exchange rates
          </h2>
          {canEdit && <Button onClick={() => manage.editor.open({ mode: 'add' })}>Add a currency</Button>}
        </div>
        {!canEdit && <p className="muted">Only an admin can add, change or remove a rate.</p>}
        {manage.notice && <Alert tone="success">{manage.notice}</Alert>}

        <RateList rates={rates.data} canEdit={canEdit} manage={manage} />
      </section>

      <EditRateDialog rates={rates.data} manage={manage} />
      <RemoveRateDialog manage={manage} />
    </div>
  );
}
