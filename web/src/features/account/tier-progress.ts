import type { TierProgress } from './types';

export function nextTierName(progress: TierProgress | null | undefined): string | null {
  return progress?.next_tier?.name ?? null;
}

/** Share of the way to the next tier, 0..1; 1 at the top tier. */
export function tierProgressRatio(progress: TierProgress | null | undefined): number {
  if (!progress || !nextTierName(progress)) return 1;
  const spent = Math.max(0, progress.qualifying_spend);
  const remaining = Math.max(0, progress.remaining_spend);
  const total = spent + remaining;
  return total > 0 ? spent / total : 1;
}

/** The next tier's points multiplier; null at the top tier. */
export function nextTierMultiplier(progress: TierProgress | null | undefined): number | null {
  return progress?.next_tier?.multiplier ?? null;
}

const multiplierText = (m: number) => `${Number(m.toFixed(2))}×`;

/** A tier's benefits in words; the program's tiers differ by their points multiplier. */
export function tierBenefits(multiplier: number | null | undefined): string[] {
  const earn = multiplier && multiplier > 1 ? `${multiplierText(multiplier)} points on every purchase` : 'Points on every purchase';
  return [earn, 'Rewards to redeem with your points'];
}

/** What moving up adds, in words ("1.25× points instead of 1×"); null when the server does not say. */
export function nextTierGain(current: number | null | undefined, next: number | null): string | null {
  if (next === null) return null;
  const now = current && current > 0 ? current : 1;
  return next > now ? `${multiplierText(next)} points on every purchase, up from ${multiplierText(now)}` : `${multiplierText(next)} points on every purchase`;
}
