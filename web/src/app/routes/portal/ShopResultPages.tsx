import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui';
import { CheckoutCancelled, CheckoutSuccess } from '@/features/shop';
import { usePageTitle } from '../../use-page-title';

/** Where Stripe sends the customer after paying (`?session_id=` is Stripe's Checkout Session). */
export function ShopSuccessPage() {
  usePageTitle('Payment received');
  const [params] = useSearchParams();
  return (
    <div className="page">
      <PageHeader title="Shop" />
      <CheckoutSuccess sessionId={params.get('session_id') ?? ''} />
    </div>
  );
}

export function ShopCancelPage() {
  usePageTitle('Payment cancelled');
  return (
    <div className="page">
      <PageHeader title="Shop" />
      <CheckoutCancelled />
    </div>
  );
}
