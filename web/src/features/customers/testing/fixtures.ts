// GET /api/v1/admin/customers/{id} from the real server (analytics-store merged
// into main): a generated customer after `patron analyze all` (segment, clv,
// p_alive filled; lists trimmed to one item), and a registered customer with no
// purchase, so not in the run (the three fields null). `offers` (added to the
// view later) is empty in both.
import type { Customer360 } from '../types';

// An account with no points and no tier yet, as the server shows one.
function accountWithoutPoints(qualifyingSpend: number): Customer360['account'] {
  return {
    points_balance: 0,
    points_expiring: [],
    tier: null,
    tier_progress: { currency: 'USD', next_tier: null, qualifying_spend: qualifyingSpend, remaining_spend: 0 },
  };
}

export const view360AfterRun: Customer360 = {
  "account": accountWithoutPoints(441725),
  "card_number": "",
  "clv": 2256.8859345160645,
  "created_at": "2026-11-28T06:01:17Z",
  "email": "cus_hnuquu9cgvf000002qv@imported.invalid",
  "id": "cus_hnuquu9cgvf000002qv",
  "ledger": [],
  "marketing_opt_in": false,
  "name": "Customer C00000424",
  "offers": [],
  "p_alive": 0.9903503553248679,
  "phone": "",
  "preferences": {},
  "recent_feedback": [],
  "recent_transactions": [
    {
      "channel": "import",
      "currency": "USD",
      "external_id": "G0000004997",
      "id": "txn_hnuquu9cgvf00000666",
      "lines": [
        {
          "name": "brand-007 item 1926",
          "quantity": 2,
          "returned_quantity": 0,
          "sku": "SKU-001926",
          "unit_price_minor": 1330
        }
      ],
      "occurred_at": "2026-11-28T12:45:24Z",
      "points_earned": 0,
      "points_reversed": 0,
      "returned_minor": 0,
      "status": "completed",
      "store_id": "sto_hnuquu9cgvf000001jl",
      "total_minor": 2660
    }
  ],
  "role": "customer",
  "segment": "Champions",
  "status": "active"
};

export const view360WithoutRun: Customer360 = {
  "account": accountWithoutPoints(0),
  "card_number": "742734587404",
  "clv": null,
  "created_at": "2026-11-28T06:01:17Z",
  "email": "grace@cap.local",
  "id": "cus_rrz5j2bemal3fna4",
  "ledger": [],
  "marketing_opt_in": false,
  "name": "Grace Hopper",
  "offers": [],
  "p_alive": null,
  "phone": "",
  "preferences": {},
  "recent_feedback": [],
  "recent_transactions": [],
  "role": "customer",
  "segment": null,
  "status": "active"
};
