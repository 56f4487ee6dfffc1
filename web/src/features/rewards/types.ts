export interface Reward {
  id: string;
  name: string;
  description: string;
  points_cost: number;
  available: boolean;
}

export interface RedemptionResult {
  id: string;
  reward_id: string;
  points: number;
  code: string;
  balance_after: number;
}

/** An item of GET /api/v1/me/redemptions (not in api.md v1 yet; asked of the back end). */
export interface Redemption {
  id: string;
  reward_id: string;
  reward_name: string;
  points: number;
  code: string;
  created_at: string;
}
