import { describe, expect, it } from 'vitest';
import { niceTicks, stepDecimals } from './report-chart';
import { moneyTick, rateTick } from './report-figures';

// The labels of the report's axes, as ArmsChart builds them: the ticks' step decides the decimals.
const labels = (top: number, format: (v: number, decimals: number) => string) => {
  const ticks = niceTicks(top);
  const decimals = stepDecimals(ticks[1] - ticks[0]);
  return ticks.map((v) => format(v, decimals));
};

describe('report axes', () => {
  it('write small sums in cents, each tick its own label', () => {
    const cents = labels(0.8, moneyTick('USD'));
    expect(cents).toEqual(['$0.00', '$0.20', '$0.40', '$0.60', '$0.80']);
  });

  it('write large sums in whole units', () => {
    expect(labels(35, moneyTick('USD'))).toEqual(['$0', '$10', '$20', '$30', '$40']);
  });

  it('write rates in whole percent unless the step is finer', () => {
    expect(labels(0.6, rateTick)).toEqual(['0 %', '20 %', '40 %', '60 %']);
    expect(labels(0.02, rateTick)).toEqual(['0.0 %', '0.5 %', '1.0 %', '1.5 %', '2.0 %']);
  });

  it('count the decimals a step needs', () => {
    expect([10, 1, 0.5, 0.25, 0.002].map(stepDecimals)).toEqual([0, 0, 1, 2, 3]);
  });
});
