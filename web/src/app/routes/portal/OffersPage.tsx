import { useMe } from '@/features/account';
import { OffersList } from '@/features/offers';
import { Page } from '../../Page';

export function OffersPage() {
  const me = useMe();
  return (
    <Page title="For you" subtitle="Offers picked for you from what you buy. Activate one, then shop as usual: it applies at the till.">
      <OffersList currency={me.data?.account.tier_progress?.currency} />
    </Page>
  );
}
