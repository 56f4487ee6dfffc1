import type { ReactNode } from 'react';
import { Badge } from '@/components/ui';
import type { Offer } from '@/types/offers';
import { offerExpiry, offerStatus, offerSummary } from './offer-text';

/**
 * One offer in words: its title, what it is, why it was chosen and when it
 * ends. The customer's "For you" cards add an Activate button (`action`);
 * the staff 360° view shows it as is.
 */
export function OfferDetails({ offer, currency, action, headingLevel = 3, showStatus = false, compact = false, reasonsTitle = "Why you're seeing this" }: {
  offer: Offer;
  currency?: string;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  showStatus?: boolean;
  /** Home's card: the reasons as one line. */
  compact?: boolean;
  reasonsTitle?: string;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const status = offerStatus(offer.status);
  const ended = offer.status === 'expired' || new Date(offer.expires_at).getTime() <= Date.now();
  const reasons = offer.reasons ?? [];
  return (
    <div className={['offer', compact && 'offer--compact'].filter(Boolean).join(' ')} data-testid="offer">
      <div className="offer__head">
        <Heading className="offer__title">{offer.title}</Heading>
        {showStatus && <Badge tone={status.tone}>{status.label}</Badge>}
      </div>
      <p className="offer__summary" data-testid="offer-summary">
        {offerSummary(offer, currency)}
      </p>
      {offer.description && offer.description !== offer.title && !compact && <p className="offer__description muted small">{offer.description}</p>}
      {reasons.length > 0 &&
        (compact ? (
          <p className="offer__reasons-line muted small" data-testid="offer-reasons">
            {reasons[0]}
          </p>
        ) : (
          <div className="offer__reasons">
            <p className="offer__reasons-title">{reasonsTitle}</p>
            <ul data-testid="offer-reasons">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        ))}
      <div className="offer__foot">
        <time dateTime={offer.expires_at} className={['offer__expiry small', ended ? 'muted' : ''].join(' ')} data-testid="offer-expiry">
          {offerExpiry(offer.expires_at)}
        </time>
        {action}
      </div>
    </div>
  );
}
