import { useSession } from '@/features/auth';
import { CurrencyRatesManager } from '@/features/currencies';
import { Page } from '../../Page';

export function CurrenciesPage() {
  const session = useSession();
  return (
    <Page title="Currencies" subtitle="The currency points are earned in, and the exchange rates for purchases in other currencies." narrow>
      <CurrencyRatesManager canEdit={session?.role === 'admin'} />
    </Page>
  );
}
