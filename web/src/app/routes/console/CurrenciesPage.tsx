import { PageHeader } from '@/components/ui';
import { useSession } from '@/features/auth';
import { CurrencyRatesManager } from '@/features/currencies';
import { usePageTitle } from '../../use-page-title';

export function CurrenciesPage() {
  usePageTitle('Currencies');
  const session = useSession();
  return (
    <div className="page page--narrow">
      <PageHeader title="Currencies" subtitle="The currency points are earned in, and the exchange rates for purchases in other currencies." />
      <CurrencyRatesManager canEdit={session?.role === 'admin'} />
    </div>
  );
}
