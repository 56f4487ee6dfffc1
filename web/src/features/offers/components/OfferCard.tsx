import { Alert, Button, Icon } from '@/components/ui';
import { OfferDetails } from '@/components/loyalty';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/api-error';
import type { Offer } from '@/types/offers';
import { useActivateOffer } from '../hooks/use-offers';

function activationError(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return 'This offer has ended or has already been used.';
  if (error instanceof ApiError && error.status === 404) return 'This offer is no longer available.';
  return errorMessage(error);
}

/** The offer's state where the Activate button was: Activated, Used or Expired. */
function OfferState({ offer }: { offer: Offer }) {
  const ended = offer.status === 'expired' || (offer.status !== 'redeemed' && new Date(offer.expires_at).getTime() <= Date.now());
  if (offer.status === 'redeemed')
    return (
      <span className="offer__state offer__state--used" data-testid="offer-state">
        <Icon name="check" size={18} /> Used
      </span>
    );
  if (ended)
    return (
      <span className="offer__state offer__state--ended" data-testid="offer-state">
        Expired
      </span>
    );
  return (
    <span className="offer__state offer__state--on" data-testid="offer-state">
      <Icon name="check" size={18} /> Activated
    </span>
  );
}

export function OfferCard({ offer, currency, headingLevel = 2 }: { offer: Offer; currency?: string; headingLevel?: 2 | 3 }) {
  const activate = useActivateOffer();
  const canActivate = offer.status === 'issued' && !offer.activated && new Date(offer.expires_at).getTime() > Date.now();
  return (
    <article className={`card offer-card offer-card--${offer.status}`} aria-label={offer.title}>
      <OfferDetails
        offer={offer}
        currency={currency}
        headingLevel={headingLevel}
        action={
          // One live region for both states, so "Activated" is announced where the button was.
          <div className="offer__action" aria-live="polite">
            {canActivate ? (
              <Button loading={activate.isPending} onClick={() => activate.mutate(offer.id)} aria-label={`Activate: ${offer.title}`}>
                Activate
              </Button>
            ) : (
              <OfferState offer={offer} />
            )}
          </div>
        }
      />
      {activate.isError && <Alert tone="danger">{activationError(activate.error)}</Alert>}
    </article>
  );
}
