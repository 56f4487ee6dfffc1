import type { Offer } from '@/types/offers';

const RANK: Record<string, number> = { issued: 0, activated: 1, redeemed: 2, expired: 3 };

/** Offers to act on first (not yet activated, then activated), soonest ending first; used and expired last. */
export function sortOffers(offers: Offer[]): Offer[] {
  return [...offers].sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || a.expires_at.localeCompare(b.expires_at));
}

/** Offers still worth showing on Home: not used, not expired. */
export const openOffers = (offers: Offer[], now = Date.now()) =>
  sortOffers(offers).filter((o) => (o.status === 'issued' || o.status === 'activated') && new Date(o.expires_at).getTime() > now);
