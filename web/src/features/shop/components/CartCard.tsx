import { useRef } from 'react';
import { Alert, Button, Card } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { formatMoney } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import type { PricedCartLine } from '../cart';
import { useStartCheckout } from '../hooks/use-shop';
import type { StoredCartLine } from '../types';
import { QuantityStepper } from './QuantityStepper';

/** The basket with its total and the way to Stripe's payment page. */
export function CartCard({ lines, total_minor, currency, onQuantity }: {
  lines: PricedCartLine[];
  total_minor: number;
  currency: string;
  onQuantity: (line: StoredCartLine, quantity: number) => void;
}) {
  const checkout = useStartCheckout();
  // One key per basket: a repeated click or a retry after a network error is the same checkout.
  const key = useRef({ basket: '', value: '' });
  const basket = JSON.stringify(lines.map((l) => [l.sku, l.quantity]));
  if (key.current.basket !== basket) key.current = { basket, value: newIdempotencyKey() };
  const pay = () => checkout.mutate({ lines: lines.map(({ sku, quantity }) => ({ sku, quantity })), key: key.current.value });
  return (
    <Card title="Your cart" className="shop-cart" id="cart" data-testid="shop-cart">
      {lines.length === 0 ? (
        <p className="muted">Your cart is empty. Add something from the shop.</p>
      ) : (
        <div className="stack">
          <ul className="shop-cart__lines">
            {lines.map((line) => (
              <li key={line.sku} className="shop-cart__line">
                <p className="shop-cart__line-name">{line.name}</p>
                <span className="shop-cart__line-total">{formatMoney(line.line_total_minor, currency)}</span>
                <QuantityStepper name={line.name} quantity={line.quantity} onChange={(q) => onQuantity(line, q)} />
                <span className="muted small">{formatMoney(line.price_minor, currency)} each</span>
              </li>
            ))}
          </ul>
          <p className="shop-cart__total">
            <span>Total</span>
            <span data-testid="cart-total">{formatMoney(total_minor, currency)}</span>
          </p>
          {checkout.isError && (
            <Alert tone="danger" title="The payment could not start">
              {errorMessage(checkout.error)}
            </Alert>
          )}
          <Button block onClick={pay} loading={checkout.isPending || checkout.isSuccess}>
            Pay with Stripe
          </Button>
          <p className="muted small">You pay on Stripe's secure page. Your points arrive as soon as the payment is confirmed.</p>
        </div>
      )}
    </Card>
  );
}
