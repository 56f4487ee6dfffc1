import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import {
  affinityLists,
  clvHistogram,
  clvValues,
  cohortCells,
  cohortRows,
  isNoRunError,
  monthLabel,
  readRun,
  ruleProduct,
  ruleRows,
  runCurrency,
  segmentBars,
  segmentRows,
  sentimentSeries,
  sentimentText,
} from './normalize';
import { clvPage, segments } from './testing/customer-value-fixtures';
import { affinities, cohorts, demoRules, rules } from './testing/purchase-pattern-fixtures';
import type { RulesResponse } from './types';
import { noRun } from './testing/run-status-fixtures';
import { sentiment, sentimentUnavailable } from './testing/sentiment-fixtures';

const clvItem = { customer_id: 'x', segment: 'Lost', p_alive: null, expected_purchases: null, expected_avg_spend: null, clv: null };

describe('analytics readers on the server answers', () => {
  it('reads the run the answers come from', () => {
    const run = readRun(segments);
    expect(run).toEqual(segments.run);
    expect(readRun(undefined)).toBeNull();
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

  it('sorts segments largest first whatever order they come in, with no shares of nothing', () => {
    const unsorted = { run: segments.run, segments: [...segments.segments].reverse() };
    expect(segmentBars(unsorted)).toEqual(segmentBars(segments));
    const empty = { run: segments.run, segments: [{ segment: 'New', customers: 0, monetary_minor: 0, mean_p_alive: null, mean_clv: null, total_clv: null }] };
    expect(segmentRows(empty)[0].share).toBe(0);
    expect(segmentRows(undefined)).toEqual([]);
  });

  it('takes the CLV values of pages, skipping nulls', () => {
    const values = clvValues(clvPage, { ...clvPage, items: [clvItem, { ...clvItem, customer_id: 'y', clv: 2.5 }] });
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

  it('orders cohorts by month and makes one cell per month after the first purchase', () => {
    const answer = {
      run: segments.run,
      cohorts: [
        { month: '2026-02', customers: 2, active: [2], retention: [1] },
        { month: '2026-01', customers: 4, active: [4, 0, 1], retention: [1, 0, 0.25] },
      ],
    };
    expect(cohortRows(answer)).toEqual([
      { cohort: '2026-01', customers: 4, retention: [1, 0, 0.25] },
      { cohort: '2026-02', customers: 2, retention: [1] },
    ]);
    expect(cohortCells(answer)).toEqual([
      { cohort: '2026-01', period: 0, value: 1 },
      { cohort: '2026-01', period: 1, value: 0 },
      { cohort: '2026-01', period: 2, value: 0.25 },
      { cohort: '2026-02', period: 0, value: 1 },
    ]);
  });

  it('reads the popular categories and brands', () => {
    const { categories, brands, halfLifeDays } = affinityLists(affinities);
    const topCategories = affinities.top_categories!;
    const topBrands = affinities.top_brands!;
    expect(categories.map((c) => c.name)).toEqual(topCategories.map((c) => c.value));
    expect(brands[0]).toEqual({ name: topBrands[0].value, value: topBrands[0].customers_first_choice });
    expect(halfLifeDays).toBe(affinities.half_life_days);
    // A customer's answer (customer_id given) has no popular lists.
    expect(affinityLists({ run: affinities.run, half_life_days: 90, customer_id: 'c1', categories: [], brands: [] })).toEqual({
      categories: [],
      brands: [],
      halfLifeDays: 90,
    });
    expect(affinityLists(undefined)).toEqual({ categories: [], brands: [], halfLifeDays: null });
  });

  it('reads association rules highest lift first, at most the limit', () => {
    const list = ruleRows(rules);
    expect(list).toHaveLength(rules.rules.length);
    expect(list.map((r) => r.lift)).toEqual([...list.map((r) => r.lift)].sort((a, b) => b - a));
    const low = { antecedent: ['A'], consequent: 'B', support: 0.2, confidence: 0.4, lift: 1.1 };
    const high = { antecedent: ['A', 'B'], consequent: 'C', support: 0.1, confidence: 0.5, lift: 1.5 };
    expect(ruleRows({ run: rules.run, rules: [low, high], names: {} })).toEqual([high, low]);
    expect(ruleRows(rules, 1)).toHaveLength(Math.min(1, rules.rules.length));
  });

  it("names a rule's products from the answer's catalog names, the SKU alone where there is none", () => {
    expect(ruleProduct(demoRules, 'SNK-001')).toEqual({ sku: 'SNK-001', name: 'Dark Chocolate 70%' });
    expect(ruleProduct(demoRules, 'BEV-004')).toEqual({ sku: 'BEV-004', name: null });
    // An older server sends no names at all.
    expect(ruleProduct({ run: rules.run, rules: rules.rules } as RulesResponse, 'SKU-000001')).toEqual({ sku: 'SKU-000001', name: null });
  });

  it('writes months as words and mean sentiment rounded, in words', () => {
    expect(['2026-09', '2025-12', '2026-01'].map((m) => monthLabel(m, 'en-US'))).toEqual(['Sep 2026', 'Dec 2025', 'Jan 2026']);
    expect(monthLabel('2026-13', 'en-US')).toBe('2026-13');
    expect(sentimentText(0.2333)).toBe('+0.23, mostly positive');
    expect(sentimentText(-0.1)).toBe('−0.10, mostly negative');
    expect(sentimentText(0.004)).toBe('0.00, neutral');
    expect(sentimentText(0.8)).toBe('+0.80, positive');
  });

  it('reads the mean sentiment per month, oldest first, and says when there is none', () => {
    const view = sentimentSeries(sentiment);
    expect(view).toEqual({
      available: true,
      message: null,
      points: sentiment.months!.map((m) => ({ period: m.month, mean: m.average, count: m.count })),
    });
    const reversed = sentimentSeries({ ...sentiment, months: [...sentiment.months!].reverse() });
    expect(reversed.points.map((p) => p.period)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(sentimentSeries(sentimentUnavailable)).toEqual({ available: false, message: sentimentUnavailable.message, points: [] });
    // A window without feedback: nothing to draw.
    expect(sentimentSeries({ ...sentiment, count: 0, average: null, months: [] }).available).toBe(false);
  });

  it('tells the no-run 404 from a missing endpoint', () => {
    expect(isNoRunError(new ApiError({ status: 404, code: 'not_found', message: noRun.error.message }))).toBe(true);
    expect(isNoRunError(new ApiError({ status: 404, code: 'not_found', message: 'no such endpoint' }))).toBe(false);
    expect(isNoRunError(new ApiError({ status: 403, code: 'forbidden', message: 'run patron analyze all' }))).toBe(false);
    expect(isNoRunError(new Error('analyze'))).toBe(false);
  });
});
