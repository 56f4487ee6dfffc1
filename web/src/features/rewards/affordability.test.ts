import { describe, expect, it } from 'vitest';
import { rewardState, sortRewards } from './affordability';
import type { Reward } from './types';

const reward = (id: string, points_cost: number, available = true): Reward => ({ id, name: id, description: '', points_cost, available });

describe('affordability', () => {
  it.each([
    [reward('a', 100), 100, { kind: 'affordable' }],
    [reward('a', 150), 100, { kind: 'short', missing_points: 50 }],
    [reward('a', 10, false), 100, { kind: 'unavailable' }],
  ])('%j with %i points', (r, balance, expected) => {
    expect(rewardState(r, balance)).toEqual(expected);
  });

  it('lists what the customer can afford first', () => {
    const sorted = sortRewards([reward('big', 500), reward('gone', 10, false), reward('mid', 90), reward('small', 20)], 100);
    expect(sorted.map((r) => r.id)).toEqual(['small', 'mid', 'big', 'gone']);
  });
});
