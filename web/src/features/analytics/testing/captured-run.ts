// The stored run that the captured analytics answers (customer-value and
// purchase-pattern fixtures; how they were captured: customer-value-fixtures.ts)
// all come from: one run, so one object.
import type { AnalyticsRun } from '../types';

export const capturedRun: AnalyticsRun = {
  "as_of": "2026-11-29",
  "customers": 1000,
  "finished_at": "2026-11-28T06:01:18Z",
  "id": 1,
  "parameters": {
    "affinity": {
      "half_life_days": 90.0,
      "top_k": 3
    },
    "as_of": "2026-11-29",
    "horizon_periods": 39.0,
    "monthly_discount_rate": 0.01,
    "period": "weeks",
    "rules": {
      "max_length": 3,
      "max_rules": 1000,
      "min_confidence": 0.1,
      "min_length": 2,
      "min_support": 0.01
    }
  },
  "purchases": 5000
};
