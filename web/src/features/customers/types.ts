import type { LedgerEntry, Transaction } from '@/types/loyalty';
import type { Offer } from '@/types/offers';

export interface CustomerSummary {
  id: string;
  email: string | null;
  name: string | null;
  card_number: string | null;
  points_balance?: number;
  tier?: { code: string; name: string } | string | null;
}

export interface CustomerProfile extends CustomerSummary {
  phone?: string | null;
  marketing_opt_in?: boolean;
  created_at?: string;
  /** The account's status code (`active`, `erased`); shown in words only. */
  status?: string;
}

export interface CustomerAccount {
  points_balance: number;
  tier?: { code: string; name: string; multiplier?: number } | null;
  tier_progress?: { qualifying_spend: number; currency: string; next_tier: unknown; remaining_spend: number } | null;
}

export interface FeedbackItem {
  id: string;
  rating: number;
  text: string;
  sentiment?: number | string | null;
  created_at?: string;
}

/** The 360° view, normalized: the analytics fields are present only when the answer has them. */
export interface Customer360 {
  profile: CustomerProfile;
  account: CustomerAccount | null;
  transactions: Transaction[];
  ledger: LedgerEntry[];
  preferences: Record<string, unknown> | null;
  feedback: FeedbackItem[];
  /** Personalized offers with their reasons (absent on a server without offers). */
  offers: Offer[];
  segment?: unknown;
  clv?: unknown;
  p_alive?: unknown;
}

export interface AdjustmentInput {
  points: number;
  reason: string;
}
