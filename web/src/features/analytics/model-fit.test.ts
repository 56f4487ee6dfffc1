import { describe, expect, it } from 'vitest';
import { choiceSentence, holdoutPoints, rankedModels, type ModelSelection } from './model-fit';

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
      'Pareto/NBD predicted the purchases it had not seen best over the 39 weeks after 1997-09-30, so P(alive), expected purchases and lifetime value use it.',
    );
    expect(choiceSentence({ chosen: 'bgnbd', chosen_by: 'default', reason: 'no holdout purchase' })).toMatch(/too short/);
    expect(choiceSentence(null)).toMatch(/BG\/NBD/);
    expect(holdoutPoints(null)).toEqual([]);
  });
});
