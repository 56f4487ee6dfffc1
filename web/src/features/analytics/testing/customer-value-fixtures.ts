// Who the customers are and what they are worth: the RFM segments, the lifetime
// values and the model fit behind them. `segments` and `clvPage` are answers of
// the real server (the analytics-store branch merged into main), captured on a
// fresh SQLite database after `patron gen-data --customers 1000 --transactions
// 5000 --seed 3 --start <600 days ago> --days 600` and `patron analyze all`.
// Trimmed where marked; otherwise as served. `models` comes from CDNOW instead.
import type { ClvPage, ModelsResponse, SegmentsResponse } from '../types';
import { capturedRun } from './captured-run';

/** GET /admin/analytics/segments */
export const segments: SegmentsResponse = {
  "run": capturedRun,
  "segments": [
    {
      "customers": 189,
      "mean_clv": 12.149100879882106,
      "mean_p_alive": 0.9673397629170215,
      "monetary_minor": 1132021,
      "segment": "Hibernating",
      "total_clv": 2296.180066297718
    },
    {
      "customers": 168,
      "mean_clv": 493.04504568378627,
      "mean_p_alive": 0.8736926056360007,
      "monetary_minor": 14648272,
      "segment": "Champions",
      "total_clv": 82831.56767487609
    },
    {
      "customers": 149,
      "mean_clv": 94.79845058504513,
      "mean_p_alive": 0.46957162124897356,
      "monetary_minor": 7644831,
      "segment": "Loyal",
      "total_clv": 14124.969137171725
    },
    {
      "customers": 120,
      "mean_clv": 17.430318290800866,
      "mean_p_alive": 0.39512660307499897,
      "monetary_minor": 2294516,
      "segment": "At Risk",
      "total_clv": 2091.638194896104
    },
    {
      "customers": 105,
      "mean_clv": 82.67276050599581,
      "mean_p_alive": 0.8696176127540564,
      "monetary_minor": 949986,
      "segment": "Potential Loyalist",
      "total_clv": 8680.63985312956
    },
    {
      "customers": 88,
      "mean_clv": 23.028076965491138,
      "mean_p_alive": 0.9783140287264845,
      "monetary_minor": 414563,
      "segment": "About to Sleep",
      "total_clv": 2026.4707729632203
    },
    {
      "customers": 64,
      "mean_clv": 9.555365110019935,
      "mean_p_alive": 1.0,
      "monetary_minor": 115391,
      "segment": "Lost",
      "total_clv": 611.5433670412758
    },
    {
      "customers": 48,
      "mean_clv": 41.36477456738232,
      "mean_p_alive": 0.6477102510370137,
      "monetary_minor": 563498,
      "segment": "Need Attention",
      "total_clv": 1985.5091792343514
    },
    {
      "customers": 42,
      "mean_clv": 37.91413897047967,
      "mean_p_alive": 1.0,
      "monetary_minor": 68760,
      "segment": "Promising",
      "total_clv": 1592.393836760146
    },
    {
      "customers": 27,
      "mean_clv": 2.857049505819774,
      "mean_p_alive": 0.0186385566386765,
      "monetary_minor": 1928809,
      "segment": "Can't Lose Them",
      "total_clv": 77.1403366571339
    }
  ]
};

/** GET /admin/analytics/clv?limit=6 (the first page; next_cursor is an offset) */
export const clvPage: ClvPage = {
  "items": [
    {
      "clv": 2256.8859345160645,
      "customer_id": "cus_hnuquu9cgvf000002qv",
      "expected_avg_spend": 61.27929797492069,
      "expected_purchases": 38.61538006858636,
      "p_alive": 0.9903503553248679,
      "segment": "Champions"
    },
    {
      "clv": 2018.5750046479095,
      "customer_id": "cus_hnuquu9cgvf00000403",
      "expected_avg_spend": 61.27931956898178,
      "expected_purchases": 34.50505159813269,
      "p_alive": 0.9325070029802154,
      "segment": "Champions"
    },
    {
      "clv": 1944.5619062740338,
      "customer_id": "cus_hnuquu9cgvf0000028r",
      "expected_avg_spend": 61.279302557216795,
      "expected_purchases": 33.2817188541448,
      "p_alive": 0.9769176289522028,
      "segment": "Champions"
    },
    {
      "clv": 1761.5368847157795,
      "customer_id": "cus_hnuquu9cgvf000002ci",
      "expected_avg_spend": 61.27934042137499,
      "expected_purchases": 30.147822822111014,
      "p_alive": 0.9874771259600559,
      "segment": "Champions"
    },
    {
      "clv": 1590.1303388305234,
      "customer_id": "cus_hnuquu9cgvf000001jn",
      "expected_avg_spend": 61.279220623713464,
      "expected_purchases": 27.228230567575654,
      "p_alive": 0.9767346024051298,
      "segment": "Champions"
    },
    {
      "clv": 1506.9286423051315,
      "customer_id": "cus_hnuquu9cgvf000002xk",
      "expected_avg_spend": 61.27925832381359,
      "expected_purchases": 25.782481218472746,
      "p_alive": 0.9636127313282632,
      "segment": "Champions"
    }
  ],
  "models": {
    "bgnbd": {
      "a": 0.7116334478892192,
      "alpha": 2.3852993564514433,
      "b": 6.035480756548832,
      "log_likelihood": -10244.623617178835,
      "r": 0.3089051819602826
    },
    "distinct_histories": 860,
    "gamma_gamma": {
      "gamma": 528231079.3334129,
      "p": 1.1350811406232497,
      "q": 9784473.741089188
    }
  },
  "next_cursor": "6",
  "run": capturedRun
};

/** GET /models: Pareto/NBD chosen on CDNOW's 39-week holdout (figures from `patron analyze models`). */
export const models: ModelsResponse = {
  run: segments.run,
  btyd: { model: 'pareto_nbd', pareto_nbd: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67, log_likelihood: -95415.1 }, distinct_histories: 9000 },
  model_selection: {
    chosen: 'pareto_nbd',
    chosen_by: 'holdout_rmse',
    eligible: ['mbgnbd', 'pareto_nbd'],
    calibration_end: '1997-09-30',
    observation_end: '1998-06-30',
    period: 'weeks',
    holdout_duration: 39,
    customers_compared: 23570,
    actual_total: 19684,
    models: [
      { model: 'bgnbd', title: 'BG/NBD', holdout_rmse: 1.7329, holdout_mae: 0.8187, predicted_total: 16873.7, log_likelihood: -95368.4 },
      { model: 'mbgnbd', title: 'MBG/NBD', holdout_rmse: 1.7396, holdout_mae: 0.7945, predicted_total: 15933.6, log_likelihood: -95336.9 },
      { model: 'pareto_nbd', title: 'Pareto/NBD', holdout_rmse: 1.7262, holdout_mae: 0.7938, predicted_total: 17153.2, log_likelihood: -95415.1 },
    ],
    chart: [
      { frequency_cal: '0', customers: 14119, actual_mean: 0.2507, predicted_mean: { bgnbd: 0.2309, mbgnbd: 0.1798, pareto_nbd: 0.1458 } },
      { frequency_cal: '1', customers: 4442, actual_mean: 0.7841, predicted_mean: { bgnbd: 0.5198, mbgnbd: 0.5487, pareto_nbd: 0.62 } },
      { frequency_cal: '7+', customers: 636, actual_mean: 6.5912, predicted_mean: { bgnbd: 6.4685, mbgnbd: 6.1223, pareto_nbd: 6.6852 } },
    ],
  },
};
