import type { OfferKind } from '@/types/offers';

export type CampaignGoal = 'winback' | 'grow_basket' | 'cross_sell' | 'reward_best';
export type CampaignStatus = 'draft' | 'scheduled' | 'live' | 'ended';

export interface Range {
  min?: number | null;
  max?: number | null;
}

export interface Audience {
  segments?: string[];
  tiers?: string[];
  p_alive?: Range;
  clv_minor?: Range;
  categories_bought?: string[];
  categories_not_bought?: string[];
  favorite_categories?: string[];
}

export interface OfferTemplate {
  kind: OfferKind;
  category?: string | null;
  sku?: string | null;
  multiplier?: number | null;
  points?: number | null;
  min_spend_minor?: number | null;
  percent?: number | null;
  reward_id?: string | null;
  auto_apply?: boolean;
}

export interface Campaign {
  id: string;
  name: string;
  goal: CampaignGoal;
  status: CampaignStatus;
  audience: Audience;
  offer: OfferTemplate;
  starts_at: string;
  ends_at: string;
  budget_points: number | null;
  /** A money budget in minor units of the base currency (offers counted at a point's value). */
  budget_minor?: number | null;
  per_customer_cap: number;
  control_share: number;
  offers_created: number;
  control_group_size: number;
  created_at: string;
}

/** What POST creates and PATCH changes (any subset for PATCH). */
export type CampaignInput = Pick<Campaign, 'name' | 'goal' | 'audience' | 'offer' | 'starts_at' | 'ends_at' | 'budget_points' | 'budget_minor' | 'per_customer_cap' | 'control_share'>;
export type CampaignPatch = Partial<CampaignInput> & { status?: CampaignStatus };

export interface GenerateResult {
  offers_created: number;
  control_group_size: number;
  treatment_size: number;
}

export interface Arm {
  customers: number;
  redemptions: number;
  redemption_rate: number;
  purchasers: number;
  purchases: number;
  revenue_minor: number;
  revenue_per_customer_minor: number;
}

export interface CampaignReport {
  window: { starts_at: string; ends_at: string };
  currency: string;
  treatment: Arm;
  control: Arm;
  uplift: {
    redemption_rate: number;
    /** Minor units per customer (treatment − control). */
    revenue_per_customer: number;
    /** Welch's 95 % interval of revenue_per_customer, minor units; null when an arm is too small for one. */
    ci95: [number, number] | null;
    purchase_rate: { difference: number; ci95: [number, number] | null };
  };
  incremental_revenue_minor: number;
  cost_points: number;
  method: string;
}
