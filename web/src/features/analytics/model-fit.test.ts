import { describe, expect, it } from 'vitest';
import { choiceSentence, holdoutPoints, noComparisonKind, noComparisonSentence, rankedModels, type ModelSelection } from './model-fit';

const selection: ModelSelection = {
  chosen: 'pareto_nbd',
  chosen_by: 'holdout_rmse',
  calibration_end: '1997-09-30',
  observation_end: '1998-06-30',
  period: 'weeks',
  holdout_duration: 39,
  customers_compared: 23570,
  models: [
    { model: 'bgnbd', title: 'BG/NBD', holdout_rmse: 1.7329, log_likelihood: -95368.4 },
    { model: 'mbgnbd', title: 'MBG/NBD', error: 'MBG/NBD fit did not converge' },
    { model: 'pareto_nbd', title: 'Pareto/NBD', holdout_rmse: 1.7262, log_likelihood: -95415.1 },
  ],
  chart: [
    { frequency_cal: '0', customers: 14119, actual_mean: 0.2507, predicted_mean: { bgnbd: 0.2309, mbgnbd: null, pareto_nbd: 0.1458 } },
    { frequency_cal: '7+', customers: 636, actual_mean: 6.59, predicted_mean: { bgnbd: 6.47, mbgnbd: null, pareto_nbd: 6.69 } },
  ],
};

describe('model fit', () => {
  it('puts why no comparison was made in plain words, never the fit error', () => {
    const noFit = 'no holdout comparison: no purchase model could be fitted: bgnbd fit did not converge: r ran off to 4.54e+08 (a degenerate optimum)';
    expect(noComparisonKind(noFit)).toBe('no_fit');
    expect(noComparisonSentence(noFit)).toBe('Not enough repeat customers to compare the purchase models yet.');
    expect(choiceSentence({ chosen: 'bgnbd', chosen_by: 'default', reason: noFit }, true)).toBe(
      'Not enough repeat customers to compare the purchase models yet. This run has no estimate yet of the chance a customer is still active (P(alive)), expected purchases and lifetime value.',
    );
    expect(noComparisonKind('neither MBG/NBD nor Pareto/NBD could be fitted to this history')).toBe('no_eligible_fit');
    expect(noComparisonKind('no holdout comparison: calibration_end: no customer bought by the calibration end')).toBe('short_history');
    expect(noComparisonSentence('something new')).toBe('The purchase models could not be compared on this history yet.');
  });

  it('ranks fitted models by holdout error and puts failed fits last', () => {
    expect(rankedModels(selection).map((m) => m.model)).toEqual(['pareto_nbd', 'bgnbd', 'mbgnbd']);
  });

  it('turns chart rows into points with a gap for a failed model', () => {
    const points = holdoutPoints(selection);
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({ label: '0', customers: 14119, actual: 0.2507, bgnbd: 0.2309, mbgnbd: null, pareto_nbd: 0.1458 });
    expect(points[1].label).toBe('7+');
  });

  it('says which model was chosen and why, in words', () => {
    expect(choiceSentence(selection)).toBe(
      'Pareto/NBD predicted the purchases it had not seen best over the 39 weeks after 1997-09-30, so the chance a customer is still active (P(alive)), expected purchases and lifetime value use it.',
    );
    expect(choiceSentence({ chosen: 'bgnbd', chosen_by: 'default', reason: 'no holdout comparison: observation_end: no purchase in the holdout period' })).toBe(
      'The purchase history is too short to compare the purchase models yet. Until then BG/NBD, the standard model, estimates the chance a customer is still active (P(alive)), expected purchases and lifetime value.',
    );
    expect(choiceSentence(null)).toMatch(/BG\/NBD/);
    expect(holdoutPoints(null)).toEqual([]);
  });
});
