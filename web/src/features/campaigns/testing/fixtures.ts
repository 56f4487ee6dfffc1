import type { Campaign, CampaignReport } from '../types';

export const CAMPAIGN: Campaign = {
  id: 'cmp-1',
  name: 'Coffee lovers',
  goal: 'grow_basket',
  status: 'draft',
  audience: { segments: ['Loyal'], p_alive: { min: 0.2, max: 0.6 }, clv_minor: { min: 5000 }, categories_bought: ['Coffee'] },
  offer: { kind: 'bonus_multiplier', category: 'Coffee', multiplier: 3, auto_apply: false },
  starts_at: '2026-12-01T00:00:00Z',
  ends_at: '2026-12-31T23:59:59Z',
  budget_points: 50000,
  budget_minor: null,
  per_customer_cap: 1,
  control_share: 0.1,
  offers_created: 0,
  control_group_size: 0,
  created_at: '2026-11-30T10:00:00Z',
};

export const REPORT: CampaignReport = {
  campaign_id: 'cmp-1',
  window: { starts_at: '2026-12-01T00:00:00Z', ends_at: '2026-12-31T23:59:59Z' },
  currency: 'USD',
  treatment: { customers: 900, redemptions: 180, redemption_rate: 0.2, purchasers: 450, purchases: 600, revenue_minor: 2_700_000, revenue_per_customer_minor: 3000 },
  control: { customers: 100, redemptions: 0, redemption_rate: 0, purchasers: 40, purchases: 50, revenue_minor: 250_000, revenue_per_customer_minor: 2500 },
  uplift: {
    redemption_rate: 0.2,
    revenue_per_customer: 500,
    ci95: [120, 880],
    purchase_rate: { difference: 0.1, ci95: [0.004, 0.19] },
  },
  incremental_revenue_minor: 450_000,
  cost_points: 9000,
  method: "Treatment against a randomized control group over the campaign window: Welch's interval on revenue per customer, Newcombe's interval on the difference in purchase rates.",
};
