import { Link } from 'react-router-dom';
import { Card, SkeletonList } from '@/components/ui';
import { OfferDetails } from '@/components/loyalty';
import { useOffers } from '../hooks/use-offers';
import { openOffers } from '../order';

/** Home's "For you": up to two offers still open, and a link to all of them. Nothing when the list cannot load. */
export function HomeOffersCard({ currency, className }: { currency?: string; className?: string }) {
  const offers = useOffers();
  if (offers.isError) return null;
  const open = offers.data ? openOffers(offers.data) : [];
  const total = offers.data?.length ?? 0;
  return (
    <Card title="For you" actions={<Link to="/offers">{total > 0 ? `See all ${total}` : 'See all'}</Link>} className={['home-offers', className].filter(Boolean).join(' ')} data-testid="home-offers">
      {offers.isPending ? (
        <SkeletonList rows={2} rowHeight="5rem" />
      ) : open.length === 0 ? (
        <p className="muted">No new offers right now. We'll add some here as we get to know what you like.</p>
      ) : (
        <ul className="home-offers__list">
          {open.slice(0, 2).map((offer) => (
            <li key={offer.id}>
              <OfferDetails offer={offer} currency={currency} compact showStatus={offer.status === 'activated'} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
