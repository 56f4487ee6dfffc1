import { describe, expect, it } from 'vitest';
import { appliedLabel, mergeApplied } from './applied';

describe('appliedLabel', () => {
  it('names each bonus by its source and human name, never by id', () => {
    expect(appliedLabel({ source: 'offer', offer: 'of-9', id: 'of-9', name: 'Triple points on Coffee', points: 100 })).toBe('Offer: Triple points on Coffee');
    expect(appliedLabel({ source: 'rule', rule: 'r-1', id: 'r-1', name: 'Base rate', points: 50 })).toBe('Rule: Base rate');
    expect(appliedLabel({ source: 'tier', id: 'gold', name: 'Gold tier bonus', points: 10 })).toBe('Gold tier bonus');
    expect(appliedLabel({ source: 'tier', id: 'gold', name: 'Gold', points: 10 })).toBe('Tier bonus: Gold');
    expect(appliedLabel({ source: 'offer', offer: 'of-9', id: 'of-9', name: '', points: 100 })).toBe('Personal offer');
    expect(appliedLabel({ source: 'rule', rule: 'r-1', id: 'r-1', name: ' ', points: 5 })).toBe('Earning rule');
  });
});

describe('mergeApplied', () => {
  it('lists each rule once with its points added up', () => {
    const merged = mergeApplied([
      { source: 'rule', rule: 'rul_1', id: 'rul_1', name: 'Base rate', points: 60 },
      { source: 'rule', rule: 'rul_2', id: 'rul_2', name: 'Coffee bonus', points: 10 },
      { source: 'rule', rule: 'rul_1', id: 'rul_1', name: 'Base rate', points: 37 },
      { source: 'offer', offer: 'rul_1', id: 'rul_1', name: 'Same id, other source', points: 5 },
    ]);
    expect(merged.map((a) => [appliedLabel(a), a.points])).toEqual([
      ['Rule: Base rate', 97],
      ['Rule: Coffee bonus', 10],
      ['Offer: Same id, other source', 5],
    ]);
    expect(mergeApplied([])).toEqual([]);
  });
});
