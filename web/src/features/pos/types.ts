export type CustomerKey = 'email' | 'card_number' | 'id';

export interface PurchaseLine {
  sku: string;
  quantity: number;
  unit_price_minor: number;
}

export interface PurchaseInput {
  customer: Partial<Record<CustomerKey, string>>;
  store_id: string;
  occurred_at: string;
  currency: string;
  external_id: string;
  lines: PurchaseLine[];
}

export interface AppliedItem {
  source?: 'rule' | 'tier' | 'offer' | string;
  name?: string | null;
  rule?: string;
  offer?: string;
  id?: string;
  points: number;
}

export interface PurchaseResult {
  transaction_id: string;
  points_earned: number;
  balance_after: number;
  tier: string | { code?: string; name?: string } | null;
  /** Each bonus, named by its source (`rule`, `tier` or `offer`) and its human name. */
  applied: AppliedItem[];
}

export interface ReturnInput {
  transaction_id: string;
  lines: { sku: string; quantity: number }[];
}

export interface ReturnResult {
  points_reversed: number;
  balance_after: number;
}
