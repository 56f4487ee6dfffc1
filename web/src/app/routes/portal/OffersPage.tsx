import { PageHeader } from '@/components/ui';
import { useMe } from '@/features/account';
import { OffersList } from '@/features/offers';
import { usePageTitle } from '../../use-page-title';

export function OffersPage() {
  usePageTitle('For you');
  const me = useMe();
  return (
    <div className="page">
      <PageHeader title="For you" subtitle="Offers picked for you from what you buy. Activate one, then shop as usual: it applies at the till." />
      <OffersList currency={me.data?.account.tier_progress?.currency} />
    </div>
  );
}
