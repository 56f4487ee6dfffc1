// How the customers buy: retention by first-purchase cohort, category and brand
// affinities, and basket rules. Answers of the real server (the analytics-store
// branch merged into main), captured on a fresh SQLite database after `patron
// gen-data --customers 1000 --transactions 5000 --seed 3 --start <600 days ago>
// --days 600` and `patron analyze all`. Trimmed where marked; otherwise as
// served.
import type { AffinitiesResponse, CohortsResponse, RulesResponse } from '../types';
import { capturedRun } from './captured-run';

/** GET /admin/analytics/cohorts (trimmed: the first three and the last of 18 cohorts) */
export const cohorts: CohortsResponse = {
  "cohorts": [
    {
      "active": [50, 21, 17, 13, 14, 9, 8, 9, 7, 7, 7, 6, 6, 8, 5, 4, 5, 4, 3, 2],
      "customers": 50,
      "month": "2025-04",
      "retention": [1.0, 0.42, 0.34, 0.26, 0.28, 0.18, 0.16, 0.18, 0.14, 0.14, 0.14, 0.12, 0.12, 0.16, 0.1, 0.08, 0.1, 0.08, 0.06, 0.04]
    },
    {
      "active": [48, 20, 15, 13, 14, 16, 12, 8, 11, 10, 8, 8, 11, 9, 5, 10, 7, 6, 4],
      "customers": 48,
      "month": "2025-05",
      "retention": [1.0, 0.4166666666666667, 0.3125, 0.2708333333333333, 0.2916666666666667, 0.3333333333333333, 0.25, 0.16666666666666666, 0.22916666666666666, 0.20833333333333334, 0.16666666666666666, 0.16666666666666666, 0.22916666666666666, 0.1875, 0.10416666666666667, 0.20833333333333334, 0.14583333333333334, 0.125, 0.08333333333333333]
    },
    {
      "active": [44, 11, 9, 8, 6, 8, 5, 6, 7, 8, 3, 7, 4, 4, 3, 2, 3, 1],
      "customers": 44,
      "month": "2025-06",
      "retention": [1.0, 0.25, 0.20454545454545456, 0.18181818181818182, 0.13636363636363635, 0.18181818181818182, 0.11363636363636363, 0.13636363636363635, 0.1590909090909091, 0.18181818181818182, 0.06818181818181818, 0.1590909090909091, 0.09090909090909091, 0.09090909090909091, 0.06818181818181818, 0.045454545454545456, 0.06818181818181818, 0.022727272727272728]
    },
    {
      "active": [56, 17, 11],
      "customers": 56,
      "month": "2026-09",
      "retention": [1.0, 0.30357142857142855, 0.19642857142857142]
    }
  ],
  "run": capturedRun
};

/** GET /admin/analytics/affinities (trimmed: 5 of 20 categories, 3 of 20 brands) */
export const affinities: AffinitiesResponse = {
  "half_life_days": 90.0,
  "run": capturedRun,
  "top_brands": [
    {
      "customers_first_choice": 300,
      "value": "brand-031"
    },
    {
      "customers_first_choice": 132,
      "value": "brand-130"
    },
    {
      "customers_first_choice": 50,
      "value": "brand-065"
    }
  ],
  "top_categories": [
    {
      "customers_first_choice": 299,
      "value": "category-32"
    },
    {
      "customers_first_choice": 136,
      "value": "category-08"
    },
    {
      "customers_first_choice": 68,
      "value": "category-10"
    },
    {
      "customers_first_choice": 47,
      "value": "category-11"
    },
    {
      "customers_first_choice": 40,
      "value": "category-06"
    }
  ]
};

/** GET /admin/analytics/rules?limit=10 (the generated history has only weak rules: lift below 1; captured before the answer named products) */
export const rules: RulesResponse = {
  "names": {},
  "rules": [
    {
      "antecedent": ["SKU-000003"],
      "confidence": 0.2073170731707317,
      "consequent": "SKU-000001",
      "lift": 0.8220343900504826,
      "support": 0.017
    },
    {
      "antecedent": ["SKU-000002"],
      "confidence": 0.2071097372488408,
      "consequent": "SKU-000001",
      "lift": 0.8212122809232387,
      "support": 0.0268
    },
    {
      "antecedent": ["SKU-000001"],
      "confidence": 0.10626486915146709,
      "consequent": "SKU-000002",
      "lift": 0.8212122809232387,
      "support": 0.0268
    },
    {
      "antecedent": ["SKU-000004"],
      "confidence": 0.16501650165016502,
      "consequent": "SKU-000001",
      "lift": 0.654308095361479,
      "support": 0.01
    }
  ],
  "run": capturedRun
};

/**
 * GET /admin/analytics/rules?limit=10 on the seeded demo database (`patron seed-demo`, then `patron analyze
 * all`), trimmed to 4 of 10 rules; "BEV-004" is left out of `names`, as for a SKU no longer in the catalog.
 */
export const demoRules: RulesResponse = {
  "names": {
    "BEV-005": "Lemonade 1L",
    "SNK-001": "Dark Chocolate 70%",
    "SNK-002": "Sea Salt Crisps"
  },
  "rules": [
    { "antecedent": ["BEV-005"], "confidence": 0.7037037037037037, "consequent": "SNK-001", "lift": 10.078853046594983, "support": 0.04279279279279279 },
    { "antecedent": ["SNK-001", "BEV-004"], "confidence": 0.5625, "consequent": "BEV-005", "lift": 9.25, "support": 0.02027027027027027 },
    { "antecedent": ["SNK-002"], "confidence": 0.5789473684210527, "consequent": "SNK-001", "lift": 8.292020373514433, "support": 0.024774774774774775 },
    { "antecedent": ["BEV-004"], "confidence": 0.5, "consequent": "SNK-001", "lift": 7.161290322580646, "support": 0.036036036036036036 }
  ],
  "run": { ...capturedRun, "id": 1, "customers": 25, "purchases": 444 }
};
