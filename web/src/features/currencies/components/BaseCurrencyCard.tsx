import { Card } from '@/components/ui';
import { currencyLabel, currencyNamePlural } from '../rates';

export function BaseCurrencyCard({ base }: { base: string }) {
  return (
    <Card title="Base currency" className="base-currency">
      <div className="base-currency__text">
        <p className="base-currency__lead" data-testid="base-currency">
          Points are earned in <strong>{currencyLabel(base)}</strong>.
        </p>
        <p className="muted">
          A purchase in another currency is converted to {currencyNamePlural(base)} at its rate below, and earns points on the converted amount. A purchase in a
          currency without a rate is refused at the till.
        </p>
      </div>
    </Card>
  );
}
