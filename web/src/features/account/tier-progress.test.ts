import { describe, expect, it } from 'vitest';
import { nextTierGain, nextTierMultiplier, nextTierName, tierBenefits, tierProgressRatio } from './tier-progress';
import type { NextTier, TierProgress } from './types';

const GOLD: NextTier = { code: 'gold', name: 'Gold', threshold_minor: 10000, multiplier: 1.5 };
const tp = (qualifying_spend: number, remaining_spend: number, next_tier: NextTier = GOLD): TierProgress => ({
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

  it("names the next tier by its name, none at the top tier", () => {
    expect(nextTierName(tp(0, 1))).toBe('Gold');
    expect(nextTierName(tp(0, 1, null))).toBeNull();
    expect(nextTierName(null)).toBeNull();
  });
});

describe('tier benefits', () => {
  it("reads the next tier's multiplier, none at the top tier", () => {
    expect(nextTierMultiplier(tp(0, 1, { code: 'silver', name: 'Silver', threshold_minor: 50000, multiplier: 1.25 }))).toBe(1.25);
    expect(nextTierMultiplier(tp(0, 1, null))).toBeNull();
    expect(nextTierMultiplier(null)).toBeNull();
  });

  it('says benefits in words', () => {
    expect(tierBenefits(1)[0]).toBe('Points on every purchase');
    expect(tierBenefits(1.25)[0]).toBe('1.25× points on every purchase');
    expect(nextTierGain(1, 1.25)).toBe('1.25× points on every purchase, up from 1×');
    expect(nextTierGain(1, null)).toBeNull();
  });
});
