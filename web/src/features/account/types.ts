export interface Tier {
  code: string;
  name: string;
  multiplier: number;
}

export interface TierProgress {
  qualifying_spend: number;
  currency: string;
  /** The next tier's name (a string) — tolerated as an object with a name, or null at the top tier. */
  next_tier: string | { code?: string; name?: string; threshold_minor?: number; multiplier?: number } | null;
  remaining_spend: number;
}

export interface ExpiringPoints {
  points: number;
  expires_at: string;
}

export interface Account {
  points_balance: number;
  tier: Tier;
  tier_progress: TierProgress | null;
  points_expiring: ExpiringPoints[];
}

export interface Me {
  id: string;
  email: string;
  name: string;
  card_number: string;
  phone?: string | null;
  marketing_opt_in?: boolean;
  account: Account;
}

export interface ProfileUpdate {
  name?: string;
  phone?: string;
  marketing_opt_in?: boolean;
}
