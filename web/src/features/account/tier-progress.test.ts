import { describe, expect, it } from 'vitest';
import { nextTierGain, nextTierMultiplier, nextTierName, tierBenefits, tierProgressRatio } from './tier-progress';
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

describe('tier benefits', () => {
  it('reads the next tier multiplier only from an object', () => {
    expect(nextTierMultiplier(tp(0, 1, { code: 'silver', name: 'Silver', multiplier: 1.25 }))).toBe(1.25);
    expect(nextTierMultiplier(tp(0, 1, 'Silver'))).toBeNull();
    expect(nextTierMultiplier(null)).toBeNull();
  });

  it('says benefits in words', () => {
    expect(tierBenefits(1)[0]).toBe('Points on every purchase');
    expect(tierBenefits(1.25)[0]).toBe('1.25× points on every purchase');
    expect(nextTierGain(1, 1.25)).toBe('1.25× points on every purchase, up from 1×');
    expect(nextTierGain(1, null)).toBeNull();
  });
});
