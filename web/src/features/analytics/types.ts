// The answers of GET /api/v1/admin/analytics/*, as docs/openapi.yaml documents them (the types are generated
// from it: src/api/schema.d.ts). Every answer but status and sentiment is read from the latest stored run of
// `patron analyze all`; without a run they are 404 `not_found` with a message naming the command.
import type { ResponseBody, Schema } from '@/api/contract';

/** The stored run an answer comes from. */
export type AnalyticsRun = Schema<'AnalyticsRun'>;

/** GET /admin/analytics/status: 200 whether or not a run exists. */
export type AnalyticsStatus = ResponseBody<'analyticsStatus'>;

/** GET /admin/analytics/segments: one row per RFM segment, largest first. */
export type SegmentsResponse = Schema<'AnalyticsSegments'>;
export type SegmentAggregate = SegmentsResponse['segments'][number];

/** GET /admin/analytics/clv: customers by CLV, highest first, paged by an offset cursor. */
export type ClvPage = Schema<'AnalyticsClv'>;
export type ClvItem = ClvPage['items'][number];

/** GET /admin/analytics/cohorts: one row per first-purchase month; index k is k months later. */
export type CohortsResponse = Schema<'AnalyticsCohorts'>;
export type CohortRow = CohortsResponse['cohorts'][number];

/** GET /admin/analytics/affinities (no customer_id): most common first category and brand. */
export type AffinitiesResponse = Schema<'AnalyticsAffinities'>;
export type PopularValue = Schema<'AffinityPopularity'>;

/** GET /admin/analytics/rules: association rules with lift above 1, highest lift first (at most 200). */
export type RulesResponse = Schema<'AnalyticsRules'>;
export type AssociationRule = RulesResponse['rules'][number];

/** GET /admin/analytics/sentiment: feedback aggregates per month, or `{available: false, message}`. */
export type SentimentResponse = Schema<'AnalyticsSentiment'>;

/** GET /admin/analytics/models: the purchase model the run chose and the holdout comparison. */
export type ModelsResponse = Schema<'AnalyticsModels'>;

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
  count: number;
}
