// Campaign enums in words: people never see "grow_basket" or "bonus_multiplier".
import type { OfferKind } from '@/types/offers';
import type { CampaignGoal, CampaignStatus } from './types';

export const GOALS: { value: CampaignGoal; label: string; hint: string }[] = [
  { value: 'winback', label: 'Win back lapsing customers', hint: 'Customers who have not been back for a while.' },
  { value: 'grow_basket', label: 'Grow the basket', hint: 'Customers who shop often but spend little per visit.' },
  { value: 'cross_sell', label: 'Cross-sell a category', hint: 'Customers who buy one category but not another.' },
  { value: 'reward_best', label: 'Reward the best', hint: 'The most valuable, most loyal customers.' },
];

export const goalLabel = (goal: string) => GOALS.find((g) => g.value === goal)?.label ?? 'Other goal';

export const STATUSES: Record<CampaignStatus, { label: string; tone: 'neutral' | 'primary' | 'success' | 'warning' }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  scheduled: { label: 'Scheduled', tone: 'warning' },
  live: { label: 'Live', tone: 'success' },
  ended: { label: 'Ended', tone: 'primary' },
};

export const statusLabel = (status: string) => STATUSES[status as CampaignStatus] ?? { label: 'Unknown', tone: 'neutral' as const };

export const OFFER_KINDS: { value: OfferKind; label: string }[] = [
  { value: 'bonus_multiplier', label: 'Points multiplier on a category or product' },
  { value: 'bonus_points', label: 'Bonus points above a spend' },
  { value: 'percent_off', label: 'Percentage off a category' },
  { value: 'free_reward', label: 'A free reward' },
];

export const offerKindLabel = (kind: string) => OFFER_KINDS.find((k) => k.value === kind)?.label ?? 'Offer';

/** The status moves an admin can make from each status, as buttons. */
export const STATUS_ACTIONS: Record<CampaignStatus, { to: CampaignStatus; label: string; confirm?: string }[]> = {
  draft: [
    { to: 'scheduled', label: 'Schedule' },
    { to: 'live', label: 'Go live', confirm: 'Customers in the treatment group can see and use their offers from now on. Once live, only the name, the end date (later) and the budget (higher) can change.' },
  ],
  scheduled: [{ to: 'live', label: 'Go live', confirm: 'Customers in the treatment group can see and use their offers from now on. Once live, only the name, the end date (later) and the budget (higher) can change.' }],
  live: [{ to: 'ended', label: 'End campaign', confirm: 'Offers not yet used stop working, and the report covers the campaign up to now. This cannot be undone.' }],
  ended: [],
};
