import { Button } from '@/components/ui';
import { MAX_QUANTITY } from '../cart';

export function QuantityStepper({ name, quantity, onChange }: { name: string; quantity: number; onChange: (quantity: number) => void }) {
  return (
    <span className="shop-stepper" role="group" aria-label={`Quantity of ${name}`}>
      <Button variant="secondary" size="sm" onClick={() => onChange(quantity - 1)} aria-label={quantity === 1 ? `Remove ${name}` : `One ${name} less`}>
        −
      </Button>
      <span className="shop-stepper__qty" aria-live="polite">
        {quantity}
      </span>
      <Button variant="secondary" size="sm" onClick={() => onChange(quantity + 1)} disabled={quantity >= MAX_QUANTITY} aria-label={`One more ${name}`}>
        +
      </Button>
    </span>
  );
}
