import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Spinner } from '@/components/ui';
import { ApiError } from '@/lib/api-error';
import { formatMoney, formatSignedPointsWithUnit } from '@/lib/format';
import { CHECKOUT_POLL_LIMIT, CHECKOUT_POLL_MS, useCart, useCheckoutStatus } from '../hooks/use-shop';
import './shop.css';

function Actions() {
  return (
    <div className="shop-result__actions">
      <Link className="btn btn--primary" to="/activity">
        <span className="btn__label">See your activity</span>
      </Link>
      <Link className="btn btn--secondary" to="/shop">
        <span className="btn__label">Keep shopping</span>
      </Link>
    </div>
  );
}

/** After Stripe's page: waits for the payment's confirmation (the webhook), then shows the points earned. */
export function CheckoutSuccess({ sessionId }: { sessionId: string }) {
  const { clear } = useCart();
  const status = useCheckoutStatus(sessionId);
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    if (sessionId) clear(); // paid or about to be: the basket is done with
    const timer = setTimeout(() => setWaitedLong(true), CHECKOUT_POLL_MS * CHECKOUT_POLL_LIMIT);
    return () => clearTimeout(timer);
  }, [sessionId]); // once per checkout; clear() is stable in effect
  if (!sessionId || (status.isError && status.error instanceof ApiError && status.error.status === 404)) {
    return (
      <Card className="shop-result stack">
        <Alert tone="warning" title="We could not find this payment">
          Open the shop to start again, or check your activity for recent purchases.
        </Alert>
        <Actions />
      </Card>
    );
  }
  const data = status.data;
  if (data?.status === 'paid') {
    return (
      <Card className="shop-result stack" data-testid="checkout-paid">
        <h2>Thank you! Your payment went through.</h2>
        <p className="shop-result__points" data-testid="points-earned">
          {formatSignedPointsWithUnit(data.points_earned)}
        </p>
        <p className="muted">You paid {formatMoney(data.total_minor, data.currency)}. The points are already in your balance.</p>
        <Actions />
      </Card>
    );
  }
  if (data?.status === 'failed') {
    return (
      <Card className="shop-result stack">
        <Alert tone="warning" title="Your payment went through, but we could not add the points">
          Please contact us and we will sort it out.
        </Alert>
        <Actions />
      </Card>
    );
  }
  const gaveUp = status.isError || waitedLong;
  return (
    <Card className="shop-result stack" data-testid="checkout-waiting">
      {gaveUp ? (
        <p>Stripe has not confirmed your payment yet. Your points will appear in your activity as soon as it does.</p>
      ) : (
        <>
          <Spinner label="Confirming your payment" />
          <h2>Confirming your payment…</h2>
          <p className="muted">Your points appear here as soon as Stripe confirms it. This usually takes a few seconds.</p>
        </>
      )}
      <Actions />
    </Card>
  );
}

export function CheckoutCancelled() {
  return (
    <Card className="shop-result stack" data-testid="checkout-cancelled">
      <h2>Payment cancelled</h2>
      <p className="muted">Nothing was charged. Your cart is still here if you want to try again.</p>
      <div className="shop-result__actions">
        <Link className="btn btn--primary" to="/shop">
          <span className="btn__label">Back to the shop</span>
        </Link>
      </div>
    </Card>
  );
}
