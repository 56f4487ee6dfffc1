// Offers in words, for the customer's "For you" screen and the staff 360° view.
import { formatCategory, formatMoney, formatPoints } from '@/lib/format';
import type { Offer, OfferStatus } from '@/types/offers';

function target(offer: Pick<Offer, 'category' | 'sku'>): string {
  if (offer.category) return formatCategory(offer.category);
  if (offer.sku) return 'a selected product';
  return 'everything';
}

function multiplierWords(m: number): string {
  return `${Number.isInteger(m) ? m : m.toFixed(1)}× points`;
}

/** What the offer is, in words: "3× points on Coffee", "50 bonus points when you spend $20.00 or more". */
export function offerSummary(offer: Pick<Offer, 'kind' | 'value' | 'category' | 'sku' | 'min_spend_minor'>, currency = 'USD'): string {
  // The category as the server's title and reasons write it ("on Bakery"), never the raw value ("on bakery").
  const spend = offer.min_spend_minor && offer.min_spend_minor > 0 ? ` when you spend ${formatMoney(offer.min_spend_minor, currency)} or more` : '';
  const on = target(offer);
  switch (offer.kind) {
    case 'bonus_multiplier':
      return `${multiplierWords(offer.value ?? 1)} on ${on}${spend}`;
    case 'bonus_points':
      return `${formatPoints(offer.value ?? 0)} bonus points${offer.category || offer.sku ? ` on ${on}` : ''}${spend || ' on your next purchase'}`;
    case 'percent_off':
      return `${offer.value ?? 0}% off ${on}${spend}`;
    case 'free_reward':
      return `A free reward${spend}`;
    default:
      return 'A special offer';
  }
}

const MONTH_DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const MONTH_DAY_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/** "Ends today", "Ends tomorrow", "Ends Dec 31" (the year only when it is not this one), "Ended Nov 2". */
export function offerExpiry(expires_at: string, now: Date = new Date()): string {
  const end = new Date(expires_at);
  if (Number.isNaN(end.getTime())) return '';
  const sameYear = end.getFullYear() === now.getFullYear();
  const day = (sameYear ? MONTH_DAY : MONTH_DAY_YEAR).format(end);
  if (end.getTime() <= now.getTime()) return `Ended ${day}`;
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(end) - startOfDay(now)) / 86_400_000);
  if (days === 0) return 'Ends today';
  if (days === 1) return 'Ends tomorrow';
  return `Ends ${day}`;
}

export const OFFER_STATUS: Record<OfferStatus, { label: string; tone: 'neutral' | 'primary' | 'success' | 'warning' }> = {
  issued: { label: 'Not activated', tone: 'neutral' },
  activated: { label: 'Activated', tone: 'primary' },
  redeemed: { label: 'Used', tone: 'success' },
  expired: { label: 'Expired', tone: 'warning' },
};

export function offerStatus(status: string) {
  return OFFER_STATUS[status as OfferStatus] ?? { label: 'Offer', tone: 'neutral' as const };
}
