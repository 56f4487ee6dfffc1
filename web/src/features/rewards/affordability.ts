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
