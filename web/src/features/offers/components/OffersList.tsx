import { EmptyState, ErrorState, SkeletonList } from '@/components/ui';
import { useOffers } from '../hooks/use-offers';
import { sortOffers } from '../order';
import { OfferCard } from './OfferCard';

/** The customer's "For you" screen: every offer, what to act on first. */
export function OffersList({ currency }: { currency?: string }) {
  const offers = useOffers();
  if (offers.isPending) return <SkeletonList rows={3} rowHeight="12rem" />;
  if (offers.isError) return <ErrorState error={offers.error} onRetry={() => offers.refetch()} />;
  if (offers.data.length === 0)
    return (
      <EmptyState title="No offers for you right now" icon="sparkle">
        <p>We pick offers from what you like to buy. Keep shopping with your card and check back soon.</p>
      </EmptyState>
    );
  return (
    <ul className="offer-grid" aria-label="Your offers">
      {sortOffers(offers.data).map((offer) => (
        <li key={offer.id}>
          <OfferCard offer={offer} currency={currency} />
        </li>
      ))}
    </ul>
  );
}
