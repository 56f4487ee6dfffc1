import { useSearchParams } from 'react-router-dom';
import { CheckoutCancelled, CheckoutSuccess } from '@/features/shop';
import { Page } from '../../Page';

/** Where Stripe sends the customer after paying (`?session_id=` is Stripe's Checkout Session). */
export function ShopSuccessPage() {
  const [params] = useSearchParams();
  return (
    <Page title="Shop" tabTitle="Payment received">
      <CheckoutSuccess sessionId={params.get('session_id') ?? ''} />
    </Page>
  );
}

export function ShopCancelPage() {
  return (
    <Page title="Shop" tabTitle="Payment cancelled">
      <CheckoutCancelled />
    </Page>
  );
}
