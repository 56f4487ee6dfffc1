import { describe, expect, it } from 'vitest';
import { nextTierName, tierProgressRatio } from './tier-progress';
import type { TierProgress } from './types';

const tp = (qualifying_spend: number, remaining_spend: number, next_tier: TierProgress['next_tier'] = 'Gold'): TierProgress => ({
  qualifying_spend,
  remaining_spend,
  currency: 'EUR',
  next_tier,
});

describe('tier progress', () => {
  it.each([
    [tp(0, 10000), 0],
    [tp(2500, 7500), 0.25],
    [tp(10000, 0), 1],
    [tp(5000, 5000, null), 1],
    [null, 1],
  ])('%j → %f', (progress, ratio) => {
    expect(tierProgressRatio(progress)).toBeCloseTo(ratio);
  });

  it('reads the next tier as a string or an object', () => {
    expect(nextTierName(tp(0, 1, 'Gold'))).toBe('Gold');
    expect(nextTierName(tp(0, 1, { code: 'gold', name: 'Gold' }))).toBe('Gold');
    expect(nextTierName(tp(0, 1, { code: 'gold' }))).toBe('gold');
    expect(nextTierName(tp(0, 1, null))).toBeNull();
  });
});
