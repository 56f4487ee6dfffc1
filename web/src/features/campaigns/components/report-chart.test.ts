import { describe, expect, it } from 'vitest';
import { niceTicks, stepDecimals } from './report-chart';
import { bars, moneyTick, rateTick } from './report-figures';

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

  it('start a rate axis at 0 %: the whisker of a rate stops at 0 and at 100 %', () => {
    // The live demo campaign: both rates 0, the difference's interval −56.1 to +14.9 percentage points.
    const [treatment] = bars(0, 0, [-0.561, 0.149], [0, 1]);
    expect(treatment.err).toEqual([0, 0.149]);
    const low = Math.min(0, ...[treatment].map((d) => d.value - (d.err?.[0] ?? 0)));
    expect(niceTicks(0.149, low)[0]).toBe(0);
    const [below, above] = bars(0.95, 0.9, [-0.1, 0.3], [0, 1])[0].err!;
    expect(below).toBeCloseTo(0.15);
    expect(above).toBeCloseTo(0.05); // up to 100 %, not 120 %
    // Money keeps its whole interval.
    expect(bars(0, 0, [-5, 2])[0].err).toEqual([5, 2]);
  });
});
