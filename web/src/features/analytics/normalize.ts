// Readers from the analytics answers (types.ts, as the server writes them) to
// what the charts and tables draw. They are tolerant: a missing field, a list
// under another key or an older map shape gives fewer rows, never a crash.

import { ApiError } from '@/lib/api-error';
import type { AnalyticsRun, AssociationRule, Bar, HeatCell, SentimentPoint } from './types';

type Row = Record<string, unknown>;

function rows(raw: unknown, ...keys: string[]): Row[] {
  if (Array.isArray(raw)) return raw.filter((r): r is Row => !!r && typeof r === 'object');
  const o = (raw ?? {}) as Row;
  for (const k of [...keys, 'items']) if (Array.isArray(o[k])) return rows(o[k]);
  return [];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const num = (row: Row, ...keys: string[]) => {
  for (const k of keys) if (isNumber(row[k])) return row[k] as number;
  return null;
};
const str = (row: Row, ...keys: string[]) => {
  for (const k of keys) if (row[k] !== undefined && row[k] !== null && typeof row[k] !== 'object') return String(row[k]);
  return null;
};

/** True for the server's "no analytics run yet: run `patron analyze all`" answer (404 naming the command). */
export function isNoRunError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /analy[sz]/i.test(error.message);
}

/** The stored run an answer was read from, or null. */
export function readRun(raw: unknown): AnalyticsRun | null {
  const run = (raw as Row | null)?.run as Row | undefined;
  if (!run || typeof run !== 'object') return null;
  const id = num(run, 'id');
  if (id === null) return null;
  return {
    id,
    finished_at: str(run, 'finished_at') ?? '',
    as_of: str(run, 'as_of') ?? '',
    customers: num(run, 'customers') ?? 0,
    purchases: num(run, 'purchases') ?? 0,
    parameters: run.parameters && typeof run.parameters === 'object' ? (run.parameters as Record<string, unknown>) : null,
  };
}

// ---------------------------------------------------------------- segments

export interface SegmentRow {
  name: string;
  customers: number;
  /** Of all the customers in the answer, 0 … 1. */
  share: number;
  monetaryMinor: number | null;
  meanPAlive: number | null;
  /** Major currency units. */
  meanClv: number | null;
}

/** Segments largest first: `{segments: [{segment, customers, …}]}`, or a `{name: count}` map. */
export function segmentRows(raw: unknown): SegmentRow[] {
  let list = rows(raw, 'segments').map((r) => ({
    name: str(r, 'segment', 'name', 'label') ?? '?',
    customers: num(r, 'customers', 'count', 'size') ?? 0,
    monetaryMinor: num(r, 'monetary_minor'),
    meanPAlive: num(r, 'mean_p_alive'),
    meanClv: num(r, 'mean_clv'),
  }));
  if (list.length === 0 && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const map = (raw as Row).segments ?? raw;
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      list = Object.entries(map as Row)
        .filter(([, v]) => isNumber(v))
        .map(([name, v]) => ({ name, customers: v as number, monetaryMinor: null, meanPAlive: null, meanClv: null }));
    }
  }
  list = list.filter((s) => s.customers >= 0).sort((a, b) => b.customers - a.customers);
  const total = list.reduce((n, s) => n + s.customers, 0);
  return list.map((s) => ({ ...s, share: total > 0 ? s.customers / total : 0 }));
}

export const segmentBars = (raw: unknown): Bar[] => segmentRows(raw).map((s) => ({ name: s.name, value: s.customers }));

// ---------------------------------------------------------------- CLV

/** The CLV values of one or more `/clv` pages (null CLVs are skipped). */
export function clvValues(...pages: unknown[]): number[] {
  return pages.flatMap((page) => rows(page, 'customers').map((r) => num(r, 'clv', 'value')).filter(isNumber));
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
  customers: number | null;
  /** Index k: share of the cohort active k months after its first purchase. */
  retention: (number | null)[];
}

/** `{cohorts: [{month, customers, active, retention: [1, …]}]}`; also rows of single cells. */
export function cohortRows(raw: unknown): CohortRowView[] {
  const byCohort = new Map<string, CohortRowView>();
  for (const r of rows(raw, 'cohorts')) {
    const cohort = str(r, 'month', 'cohort', 'cohort_month', 'first_month') ?? '?';
    const row = byCohort.get(cohort) ?? { cohort, customers: num(r, 'customers', 'size'), retention: [] };
    byCohort.set(cohort, row);
    const retention = r.retention ?? r.rates ?? r.values;
    if (Array.isArray(retention)) {
      row.retention = retention.map((v) => (isNumber(v) ? v : null));
      continue;
    }
    const period = num(r, 'period', 'months_after', 'period_index', 'month_offset', 'age');
    let value = num(r, 'retention', 'rate', 'value');
    const active = num(r, 'active');
    if (value === null && active !== null && row.customers) value = active / row.customers;
    if (period !== null && value !== null) {
      while (row.retention.length <= period) row.retention.push(null);
      row.retention[period] = value;
    }
  }
  return [...byCohort.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
}

export function cohortCells(raw: unknown): HeatCell[] {
  return cohortRows(raw).flatMap((r) =>
    r.retention.flatMap((value, period) => (value === null ? [] : [{ cohort: r.cohort, period, value }])),
  );
}

// ---------------------------------------------------------------- affinities and rules

/** `[{value, customers_first_choice}]` → bars, largest first. */
export function popularBars(list: unknown): Bar[] {
  return rows(list)
    .map((r) => ({ name: str(r, 'value', 'name', 'category', 'brand') ?? '?', value: num(r, 'customers_first_choice', 'customers', 'count', 'score') ?? 0 }))
    .sort((a, b) => b.value - a.value);
}

export function affinityLists(raw: unknown): { categories: Bar[]; brands: Bar[]; halfLifeDays: number | null } {
  const o = (raw ?? {}) as Row;
  return { categories: popularBars(o.top_categories), brands: popularBars(o.top_brands), halfLifeDays: num(o, 'half_life_days') };
}

const items = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];

/** Rules highest lift first; those without a lift or an item are dropped. */
export function ruleRows(raw: unknown, limit = Infinity): AssociationRule[] {
  return rows(raw, 'rules')
    .map((r) => ({
      antecedent: items(r.antecedent ?? r.lhs),
      consequent: items(r.consequent ?? r.rhs).join(', '),
      support: num(r, 'support') ?? 0,
      confidence: num(r, 'confidence') ?? 0,
      lift: num(r, 'lift') ?? NaN,
    }))
    .filter((r) => r.antecedent.length > 0 && r.consequent !== '' && Number.isFinite(r.lift))
    .sort((a, b) => b.lift - a.lift)
    .slice(0, limit);
}

// ---------------------------------------------------------------- sentiment

export interface SentimentView {
  available: boolean;
  message: string | null;
  points: SentimentPoint[];
}

/**
 * `{available: false, message}` today; a later answer with a series
 * (`series`/`months`/`items` of `{month|week|day, mean|mean_sentiment, count}`)
 * is drawn as a line.
 */
export function sentimentSeries(raw: unknown): SentimentView {
  const o = (raw ?? {}) as Row;
  const points = rows(raw, 'series', 'months', 'weeks', 'days', 'points')
    .map((r) => ({
      period: str(r, 'month', 'week', 'day', 'period', 'date') ?? '',
      mean: num(r, 'mean', 'mean_sentiment', 'average', 'sentiment', 'score'),
      count: num(r, 'count', 'feedback', 'n'),
    }))
    .filter((p): p is SentimentPoint => p.period !== '' && p.mean !== null)
    .sort((a, b) => a.period.localeCompare(b.period));
  return {
    available: o.available !== false && points.length > 0,
    message: typeof o.message === 'string' ? o.message : null,
    points,
  };
}

/** The run's currency when its parameters name one; the server's default (USD) otherwise. */
export function runCurrency(run: AnalyticsRun | null, fallback = 'USD'): string {
  const c = run?.parameters?.currency;
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : fallback;
}
