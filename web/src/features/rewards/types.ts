export interface Reward {
  id: string;
  name: string;
  description: string;
  /** Conditions of use as staff wrote them (optional). */
  terms?: string | null;
  /** The reward's picture (its URL names the image's hash: cached for good); null without one. */
  image_url?: string | null;
  points_cost: number;
  available: boolean;
}

export interface RedemptionResult {
  id: string;
  reward_id: string;
  points: number;
  code: string;
  balance_after: number;
  expires_at?: string | null;
  status?: 'valid' | 'expired';
}

/** An item of GET /api/v1/me/redemptions (not in api.md v1 yet; asked of the back end). */
export interface Redemption {
  id: string;
  reward_id: string;
  reward_name: string;
  points: number;
  code: string;
  created_at: string;
  /** When the voucher stops being valid; absent or null: valid until used. */
  expires_at?: string | null;
  /** "valid" or "expired" (computed by the server when read); never shown as is. */
  status?: 'valid' | 'expired';
}
