import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import {
  affinityLists,
  clvHistogram,
  clvValues,
  cohortCells,
  cohortRows,
  isNoRunError,
  readRun,
  ruleRows,
  runCurrency,
  segmentBars,
  segmentRows,
  sentimentSeries,
} from './normalize';
import { affinities, clvPage, cohorts, noRun, rules, segments, sentiment } from './testing/fixtures';

describe('analytics readers on the server answers', () => {
  it('reads the run the answers come from', () => {
    const run = readRun(segments);
    expect(run).toEqual(segments.run);
    expect(readRun({ segments: [] })).toBeNull();
    expect(runCurrency(run)).toBe('USD');
    expect(runCurrency({ ...segments.run, parameters: { currency: 'EUR' } })).toBe('EUR');
  });

  it('reads segments largest first with shares and model means', () => {
    const rows = segmentRows(segments);
    expect(rows).toHaveLength(segments.segments.length);
    expect(rows.map((r) => r.customers)).toEqual([...rows.map((r) => r.customers)].sort((a, b) => b - a));
    expect(rows.reduce((n, r) => n + r.customers, 0)).toBe(segments.run.customers);
    expect(rows.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 9);
    const first = segments.segments.find((s) => s.segment === rows[0].name)!;
    expect(rows[0]).toMatchObject({ monetaryMinor: first.monetary_minor, meanPAlive: first.mean_p_alive, meanClv: first.mean_clv });
    expect(segmentBars(segments)[0]).toEqual({ name: rows[0].name, value: rows[0].customers });
  });

  it('keeps null model means (a run whose fits failed)', () => {
    const rows = segmentRows({ run: segments.run, segments: [{ segment: 'Lost', customers: 3, monetary_minor: 900, mean_p_alive: null, mean_clv: null, total_clv: null }] });
    expect(rows).toEqual([{ name: 'Lost', customers: 3, share: 1, monetaryMinor: 900, meanPAlive: null, meanClv: null }]);
  });

  it('still reads the older guessed shapes', () => {
    expect(segmentBars({ items: [{ segment: 'Champions', customers: 12 }] })).toEqual([{ name: 'Champions', value: 12 }]);
    expect(segmentBars([{ name: 'At risk', count: 3 }])).toEqual([{ name: 'At risk', value: 3 }]);
    expect(segmentBars({ segments: { Loyal: 5, New: 2 } })).toEqual([
      { name: 'Loyal', value: 5 },
      { name: 'New', value: 2 },
    ]);
    expect(segmentRows(null)).toEqual([]);
  });

  it('takes the CLV values of pages, skipping nulls', () => {
    const values = clvValues(clvPage, { items: [{ customer_id: 'x', clv: null }, { customer_id: 'y', clv: 2.5 }] });
    expect(values).toHaveLength(clvPage.items.length + 1);
    expect(values[0]).toBe(clvPage.items[0].clv);
  });

  it('bins CLV in round widths up to the 95th percentile plus an open bin for the tail', () => {
    const values = [...Array.from({ length: 95 }, (_, i) => i), 5000, 6000, 7000, 8000, 9000];
    const bins = clvHistogram(values, 8);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(bins[0].from).toBe(0);
    const width = bins[0].to! - bins[0].from;
    expect([1, 2, 2.5, 5].some((m) => Number.isInteger(Math.log10(width / m)))).toBe(true);
    for (const b of bins.slice(0, -1)) expect(b.to! - b.from).toBe(width);
    expect(bins[bins.length - 1].to).toBeNull();
    expect(bins[bins.length - 1].count).toBeGreaterThanOrEqual(5);
  });

  it('bins the fixture CLVs and the degenerate cases', () => {
    const values = clvValues(clvPage);
    expect(clvHistogram(values).reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(clvHistogram([])).toEqual([]);
    expect(clvHistogram([0, 0])).toEqual([{ from: 0, to: null, count: 2 }]);
  });

  it('reads cohorts as rows of retention by month', () => {
    const rows = cohortRows(cohorts);
    expect(rows).toHaveLength(cohorts.cohorts.length);
    expect(rows.map((r) => r.cohort)).toEqual([...rows.map((r) => r.cohort)].sort());
    for (const row of rows) expect(row.retention[0]).toBe(1);
    expect(rows[0].customers).toBe(cohorts.cohorts.find((c) => c.month === rows[0].cohort)!.customers);
    expect(cohortCells(cohorts)).toHaveLength(cohorts.cohorts.reduce((n, c) => n + c.retention.length, 0));
  });

  it('reads cohort cells as the CLI writes them (first_month, months_after, customers, active)', () => {
    const rows = cohortRows([
      { first_month: '2026-01', months_after: 0, customers: 4, active: 4 },
      { first_month: '2026-01', months_after: 2, customers: 4, active: 1 },
    ]);
    expect(rows).toEqual([{ cohort: '2026-01', customers: 4, retention: [1, null, 0.25] }]);
    expect(cohortCells([{ cohort: '2026-02', period: 2, rate: 0.3 }])).toEqual([{ cohort: '2026-02', period: 2, value: 0.3 }]);
  });

  it('reads the popular categories and brands', () => {
    const { categories, brands, halfLifeDays } = affinityLists(affinities);
    expect(categories.map((c) => c.name)).toEqual(affinities.top_categories.map((c) => c.value));
    expect(brands[0]).toEqual({ name: affinities.top_brands[0].value, value: affinities.top_brands[0].customers_first_choice });
    expect(halfLifeDays).toBe(affinities.half_life_days);
    expect(affinityLists({})).toEqual({ categories: [], brands: [], halfLifeDays: null });
  });

  it('reads association rules highest lift first and drops malformed ones', () => {
    const list = ruleRows(rules);
    expect(list).toHaveLength(rules.rules.length);
    expect(list.map((r) => r.lift)).toEqual([...list.map((r) => r.lift)].sort((a, b) => b - a));
    expect(ruleRows({ rules: [{ antecedent: [], consequent: 'A', lift: 2 }, { antecedent: ['A'], consequent: 'B' }, { lhs: 'A,B', rhs: 'C', lift: 1.5, support: 0.1, confidence: 0.5 }] })).toEqual([
      { antecedent: ['A', 'B'], consequent: 'C', support: 0.1, confidence: 0.5, lift: 1.5 },
    ]);
    expect(ruleRows(rules, 1)).toHaveLength(Math.min(1, rules.rules.length));
  });

  it('says sentiment is not available, and reads a series when the server has one', () => {
    expect(sentimentSeries(sentiment)).toEqual({ available: false, message: sentiment.message, points: [] });
    const view = sentimentSeries({ available: true, series: [{ month: '2026-02', mean: -0.2, count: 3 }, { month: '2026-01', mean_sentiment: 0.4 }] });
    expect(view.available).toBe(true);
    expect(view.points).toEqual([
      { period: '2026-01', mean: 0.4, count: null },
      { period: '2026-02', mean: -0.2, count: 3 },
    ]);
  });

  it('tells the no-run 404 from a missing endpoint', () => {
    expect(isNoRunError(new ApiError({ status: 404, code: 'not_found', message: noRun.error.message }))).toBe(true);
    expect(isNoRunError(new ApiError({ status: 404, code: 'not_found', message: 'no such endpoint' }))).toBe(false);
    expect(isNoRunError(new ApiError({ status: 403, code: 'forbidden', message: 'run patron analyze all' }))).toBe(false);
    expect(isNoRunError(new Error('analyze'))).toBe(false);
  });
});
