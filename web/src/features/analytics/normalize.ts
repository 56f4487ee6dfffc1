// Readers from the analytics answers (types.ts: the contract's schemas, generated from docs/openapi.yaml) to
// what the charts and tables draw. Each field is read under the one name the contract gives it; the HTTP
// suite checks every answer of the server against the same schemas.

import { ApiError } from '@/lib/api-error';
import type {
  AffinitiesResponse,
  AnalyticsRun,
  AssociationRule,
  Bar,
  ClvPage,
  CohortsResponse,
  HeatCell,
  PopularValue,
  RulesResponse,
  SegmentsResponse,
  SentimentPoint,
  SentimentResponse,
} from './types';

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** True for the server's "no analytics run yet: run `patron analyze all`" answer (404 naming the command). */
export function isNoRunError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /analy[sz]/i.test(error.message);
}

/** The stored run an answer was read from, or null when there is no answer. */
export function readRun(answer: { run: AnalyticsRun } | null | undefined): AnalyticsRun | null {
  return answer?.run ?? null;
}

// ---------------------------------------------------------------- segments

export interface SegmentRow {
  name: string;
  customers: number;
  /** Of all the customers in the answer, 0 … 1. */
  share: number;
  monetaryMinor: number;
  meanPAlive: number | null;
  /** Major currency units. */
  meanClv: number | null;
}

/** Segments largest first, with each one's share of the customers. */
export function segmentRows(answer: SegmentsResponse | null | undefined): SegmentRow[] {
  const list = (answer?.segments ?? [])
    .map((s) => ({ name: s.segment, customers: s.customers, monetaryMinor: s.monetary_minor, meanPAlive: s.mean_p_alive, meanClv: s.mean_clv }))
    .sort((a, b) => b.customers - a.customers);
  const total = list.reduce((n, s) => n + s.customers, 0);
  return list.map((s) => ({ ...s, share: total > 0 ? s.customers / total : 0 }));
}

export const segmentBars = (answer: SegmentsResponse | null | undefined): Bar[] =>
  segmentRows(answer).map((s) => ({ name: s.name, value: s.customers }));

// ---------------------------------------------------------------- CLV

/** The CLV values of one or more `/clv` pages (null CLVs, from a failed fit, are skipped). */
export function clvValues(...pages: ClvPage[]): number[] {
  return pages.flatMap((page) => page.items.map((item) => item.clv).filter(isNumber));
}

export interface HistogramBin {
  from: number;
  /** null for the open last bin ("from and above"). */
  to: number | null;
  count: number;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `x`. */
function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * CLV is long-tailed: bins of a round width from 0 (or the minimum, if
 * negative) up to the 95th percentile, and one open bin for the rest, so a
 * few large customers do not squash everyone else into the first bar.
 */
export function clvHistogram(values: number[], bins = 8): HistogramBin[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const lo = Math.min(0, min);
  let hi = quantile(sorted, 0.95);
  if (hi <= lo) hi = max;
  if (hi <= lo) return [{ from: lo, to: null, count: values.length }];
  const step = niceStep((hi - lo) / bins);
  const start = Math.floor(lo / step) * step;
  const closed = Math.max(1, Math.ceil((hi - start) / step));
  const counts = new Array<number>(closed + 1).fill(0);
  for (const v of values) counts[Math.min(closed, Math.floor((v - start) / step))] += 1;
  const out: HistogramBin[] = counts.map((count, i) => ({ from: start + i * step, to: i === closed ? null : start + (i + 1) * step, count }));
  // The open bin is drawn only when something is in it.
  if (out[closed].count === 0) out.pop();
  return out;
}

// ---------------------------------------------------------------- cohorts

export interface CohortRowView {
  cohort: string;
  customers: number;
  /** Index k: share of the cohort active k months after its first purchase. */
  retention: number[];
}

/** `{cohorts: [{month, customers, active, retention: [1, …]}]}`, oldest cohort first. */
export function cohortRows(answer: CohortsResponse | null | undefined): CohortRowView[] {
  return (answer?.cohorts ?? [])
    .map((c) => ({ cohort: c.month, customers: c.customers, retention: c.retention }))
    .sort((a, b) => a.cohort.localeCompare(b.cohort));
}

export function cohortCells(answer: CohortsResponse | null | undefined): HeatCell[] {
  return cohortRows(answer).flatMap((r) => r.retention.map((value, period) => ({ cohort: r.cohort, period, value })));
}

// ---------------------------------------------------------------- affinities and rules

/** `[{value, customers_first_choice}]` → bars, largest first. */
export function popularBars(list: PopularValue[] | undefined): Bar[] {
  return (list ?? []).map((p) => ({ name: p.value, value: p.customers_first_choice })).sort((a, b) => b.value - a.value);
}

export function affinityLists(answer: AffinitiesResponse | null | undefined): { categories: Bar[]; brands: Bar[]; halfLifeDays: number | null } {
  return {
    categories: popularBars(answer?.top_categories),
    brands: popularBars(answer?.top_brands),
    halfLifeDays: isNumber(answer?.half_life_days) ? answer.half_life_days : null,
  };
}

/** Rules highest lift first, at most `limit` of them. */
export function ruleRows(answer: RulesResponse | null | undefined, limit = Infinity): AssociationRule[] {
  return [...(answer?.rules ?? [])].sort((a, b) => b.lift - a.lift).slice(0, limit);
}

export interface RuleProduct {
  sku: string;
  /** The catalog name the server sent for the SKU; null for a SKU that is no (longer an) active product, or an older server. */
  name: string | null;
}

/** A SKU of a rule with its catalog name (the answer's `names`), where the server gave one. */
export function ruleProduct(answer: RulesResponse | null | undefined, sku: string): RuleProduct {
  const name = answer?.names?.[sku];
  return { sku, name: typeof name === 'string' && name.trim() !== '' ? name : null };
}

// ---------------------------------------------------------------- months

const MONTH = /^(\d{4})-(\d{2})$/;

/** "2026-09" → "Sep 2026" in the browser's locale (the answers' months are YYYY-MM); anything else is shown as sent. */
export function monthLabel(month: string, locale?: string): string {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

// ---------------------------------------------------------------- sentiment

export interface SentimentView {
  available: boolean;
  message: string | null;
  points: SentimentPoint[];
}

/**
 * The mean sentiment of each month of the window (`months: [{month, count, average}]`), oldest first; not
 * available when the server has no behaviour store (`{available: false, message}`) or the window holds no
 * feedback.
 */
export function sentimentSeries(answer: SentimentResponse | null | undefined): SentimentView {
  const points = (answer?.months ?? [])
    .flatMap((m) => (isNumber(m.average) ? [{ period: m.month, mean: m.average, count: m.count }] : []))
    .sort((a, b) => a.period.localeCompare(b.period));
  return {
    available: answer?.available === true && points.length > 0,
    message: answer?.message ?? null,
    points,
  };
}

/** A mean sentiment (−1 … 1) in words: 0.2333 → "+0.23, mostly positive". */
export function sentimentText(mean: number): string {
  const rounded = Math.round(mean * 100) / 100;
  const signed = `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(2)}`;
  const word = mean >= 0.5 ? 'positive' : mean >= 0.1 ? 'mostly positive' : mean > -0.1 ? 'neutral' : mean > -0.5 ? 'mostly negative' : 'negative';
  return `${signed}, ${word}`;
}

/** The run's currency when its parameters name one; the server's default (USD) otherwise. */
export function runCurrency(run: AnalyticsRun | null, fallback = 'USD'): string {
  const c = run?.parameters?.currency;
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : fallback;
}
