import { describe, expect, it } from 'vitest';
import { rewardState, rewardsOutlook, sortRewards } from './affordability';
import type { Reward } from './types';

const reward = (id: string, points_cost: number, available = true): Reward => ({ id, name: id, description: '', points_cost, stock: null, available });

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

describe('rewardsOutlook', () => {
  it('lists what the member can take now and the next reward to save for', () => {
    const outlook = rewardsOutlook([reward('big', 500), reward('gone', 10, false), reward('mid', 90), reward('small', 20), reward('far', 900)], 100);
    expect(outlook.affordable.map((r) => r.id)).toEqual(['small', 'mid']);
    expect(outlook.next?.reward.id).toBe('big');
    expect(outlook.next?.missing_points).toBe(400);
    expect(outlook.next?.ratio).toBeCloseTo(0.2);
  });

  it('has no next reward when every one is affordable, and none affordable at zero', () => {
    expect(rewardsOutlook([reward('a', 10)], 10).next).toBeNull();
    const fresh = rewardsOutlook([reward('a', 10), reward('b', 50)], 0);
    expect(fresh.affordable).toEqual([]);
    expect(fresh.next?.reward.id).toBe('a');
    expect(fresh.next?.ratio).toBe(0);
  });
});
