// The answers of GET /api/v1/admin/analytics/* as the server writes them
// (src/http/routes_analytics.cpp on the analytics-store branch). Every answer
// but sentiment is read from the latest stored run of `patron analyze all`;
// without a run they are 404 `not_found` with a message naming the command.

/** The stored run an answer comes from. */
export interface AnalyticsRun {
  id: number;
  finished_at: string;
  /** YYYY-MM-DD: the day recency is counted to. */
  as_of: string;
  customers: number;
  purchases: number;
  parameters: Record<string, unknown> | null;
}

/** GET /admin/analytics/segments: one row per RFM segment, largest first. */
export interface SegmentAggregate {
  segment: string;
  customers: number;
  monetary_minor: number;
  /** null when the BG/NBD fit failed. */
  mean_p_alive: number | null;
  /** Major currency units; null when Gamma-Gamma could not be fitted. */
  mean_clv: number | null;
  total_clv: number | null;
}
export interface SegmentsResponse {
  run: AnalyticsRun;
  segments: SegmentAggregate[];
}

/** GET /admin/analytics/clv: customers by CLV, highest first, paged by an offset cursor. */
export interface ClvItem {
  customer_id: string;
  segment: string;
  p_alive: number | null;
  expected_purchases: number | null;
  expected_avg_spend: number | null;
  clv: number | null;
}
export interface ClvPage {
  run: AnalyticsRun;
  items: ClvItem[];
  next_cursor: string | null;
  models: Record<string, unknown> | null;
}

/** GET /admin/analytics/cohorts: one row per first-purchase month; index k is k months later. */
export interface CohortRow {
  month: string;
  customers: number;
  active: number[];
  retention: number[];
}
export interface CohortsResponse {
  run: AnalyticsRun;
  cohorts: CohortRow[];
}

/** GET /admin/analytics/affinities (no customer_id): most common first category and brand. */
export interface PopularValue {
  value: string;
  customers_first_choice: number;
}
export interface AffinitiesResponse {
  run: AnalyticsRun;
  half_life_days: number | null;
  top_categories: PopularValue[];
  top_brands: PopularValue[];
}

/** GET /admin/analytics/rules: association rules with lift above 1, highest lift first (at most 200). */
export interface AssociationRule {
  antecedent: string[];
  consequent: string;
  support: number;
  confidence: number;
  lift: number;
}
export interface RulesResponse {
  run: AnalyticsRun;
  rules: AssociationRule[];
}

/** GET /admin/analytics/sentiment: 200 `{available: false, message}` until the run reads feedback. */
export interface SentimentResponse {
  available: boolean;
  message?: string;
  [key: string]: unknown;
}

/** What the charts draw. */
export interface Bar {
  name: string;
  value: number;
}
export interface HeatCell {
  cohort: string;
  period: number;
  value: number;
}
export interface SentimentPoint {
  period: string;
  /** Mean sentiment, -1 … 1. */
  mean: number;
  count: number | null;
}
