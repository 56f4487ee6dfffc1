import type { TierProgress } from './types';

export function nextTierName(progress: TierProgress | null | undefined): string | null {
  const next = progress?.next_tier;
  if (!next) return null;
  if (typeof next === 'string') return next;
  return next.name ?? next.code ?? null;
}

/** Share of the way to the next tier, 0..1; 1 at the top tier. */
export function tierProgressRatio(progress: TierProgress | null | undefined): number {
  if (!progress || !nextTierName(progress)) return 1;
  const spent = Math.max(0, progress.qualifying_spend);
  const remaining = Math.max(0, progress.remaining_spend);
  const total = spent + remaining;
  return total > 0 ? spent / total : 1;
}
