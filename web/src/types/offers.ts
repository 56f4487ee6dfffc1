/** A personalized offer, as GET /me/offers and the 360° view answer it. */
export type OfferKind = 'bonus_multiplier' | 'bonus_points' | 'percent_off' | 'free_reward';
export type OfferStatus = 'issued' | 'activated' | 'redeemed' | 'expired';

export interface Offer {
  id: string;
  campaign_id: string;
  /** A human sentence from the server ("Triple points on Coffee"). */
  title: string;
  description: string;
  kind: OfferKind;
  /** The multiplier (bonus_multiplier), points (bonus_points), percent (percent_off); null for free_reward. */
  value: number | null;
  category: string | null;
  sku: string | null;
  min_spend_minor: number | null;
  expires_at: string;
  activated: boolean;
  status: OfferStatus;
  /** Human sentences: why this offer was chosen ("You often buy Coffee"). */
  reasons: string[];
}
