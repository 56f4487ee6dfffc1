import type { Reward } from './types';

export type RewardState = { kind: 'affordable' } | { kind: 'short'; missing_points: number } | { kind: 'unavailable' };

export function rewardState(reward: Reward, points_balance: number): RewardState {
  if (reward.available === false) return { kind: 'unavailable' };
  if (reward.points_cost <= points_balance) return { kind: 'affordable' };
  return { kind: 'short', missing_points: reward.points_cost - points_balance };
}

/** Affordable first (cheapest first), then the rest by cost. */
export function sortRewards(rewards: Reward[], points_balance: number): Reward[] {
  const rank = (r: Reward) => ({ affordable: 0, short: 1, unavailable: 2 })[rewardState(r, points_balance).kind];
  return [...rewards].sort((a, b) => rank(a) - rank(b) || a.points_cost - b.points_cost);
}

export interface RewardsOutlook {
  /** Rewards the balance covers now, cheapest first. */
  affordable: Reward[];
  /** The cheapest available reward the balance does not cover yet, with how far along the member is. */
  next: { reward: Reward; missing_points: number; ratio: number } | null;
}

/** What Home shows of the catalog: what the member can take now, and the next reward to save for. */
export function rewardsOutlook(rewards: Reward[], points_balance: number): RewardsOutlook {
  const sorted = sortRewards(rewards, points_balance);
  const affordable = sorted.filter((r) => rewardState(r, points_balance).kind === 'affordable');
  const upcoming = sorted.find((r) => rewardState(r, points_balance).kind === 'short');
  const next = upcoming
    ? { reward: upcoming, missing_points: upcoming.points_cost - points_balance, ratio: Math.max(0, Math.min(1, points_balance / Math.max(1, upcoming.points_cost))) }
    : null;
  return { affordable, next };
}
