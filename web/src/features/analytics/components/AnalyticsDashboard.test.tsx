import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatPercent, formatPoints } from '@/lib/format';
import { apiError, json, serveFakeFetch, type FakeRoutes } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { segmentRows } from '../normalize';
import { clvPage, models, segments } from '../testing/customer-value-fixtures';
import { affinities, cohorts, demoRules, rules } from '../testing/purchase-pattern-fixtures';
import { statusNoRun, statusWithRun } from '../testing/run-status-fixtures';
import { sentiment, sentimentUnavailable } from '../testing/sentiment-fixtures';
import { AnalyticsDashboard } from './AnalyticsDashboard';

const A = '/api/v1/admin/analytics';
const lastPage = { ...clvPage, next_cursor: null };

function serve(overrides: FakeRoutes = {}) {
  return serveFakeFetch({
    [`GET ${A}/status`]: () => json(200, statusWithRun),
    [`GET ${A}/segments`]: () => json(200, segments),
    [`GET ${A}/clv`]: () => json(200, lastPage),
    [`GET ${A}/cohorts`]: () => json(200, cohorts),
    [`GET ${A}/affinities`]: () => json(200, affinities),
    [`GET ${A}/rules`]: () => json(200, rules),
    [`GET ${A}/sentiment`]: () => json(200, sentiment),
    [`GET ${A}/models`]: () => json(200, models),
    ...overrides,
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('AnalyticsDashboard', () => {
  it('names the purchase model the run chose, why, and how each model did on the holdout', async () => {
    serve();
    renderWithProviders(<AnalyticsDashboard />);
    const panel = await screen.findByTestId('analytics-models');
    expect(await within(panel).findByTestId('analytics-model-choice')).toHaveProperty(
      'textContent',
      'Pareto/NBD predicted the purchases it had not seen best over the 39 weeks after 1997-09-30, so the chance a customer is still active (P(alive)), expected purchases and lifetime value use it.',
    );
    const compared = within(panel).getByRole('table', { name: 'Models compared on held-out purchases' });
    const rows = within(compared).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstChild?.textContent)).toEqual(['Pareto/NBD (chosen)', 'BG/NBD (reference)', 'MBG/NBD']);
    const chart = within(panel).getByTestId('analytics-holdout-chart');
    expect(within(chart).getByRole('table', { hidden: true, name: 'Mean holdout purchases by calibration purchases' })).toBeTruthy();
    expect(chart.textContent).toContain('7+');
  });

  it('says in a plain sentence why the models were not compared, with the technical reason behind "Details"', async () => {
    const reason =
      'no holdout comparison: no purchase model could be fitted: bgnbd fit did not converge: r ran off to 4.54e+08 (a degenerate optimum: the data do not identify the model; it needs more customers, more of them with repeat purchases, or another model)';
    serve({
      [`GET ${A}/models`]: () =>
        json(200, { run: models.run, btyd: { error: 'bgnbd fit did not converge: r ran off to 9.197e+07' }, model_selection: { chosen: 'bgnbd', chosen_by: 'default', reason } }),
    });
    renderWithProviders(<AnalyticsDashboard />);
    const panel = await screen.findByTestId('analytics-models');
    const choice = await within(panel).findByTestId('analytics-model-choice');
    expect(choice.textContent).toMatch(/^Not enough repeat customers to compare the purchase models yet\. /);
    expect(choice.textContent).toContain('chance a customer is still active (P(alive))');
    expect(choice.textContent).not.toMatch(/converge|degenerate/);
    // The server's text is there for whoever needs it, closed.
    const details = within(panel).getByTestId('analytics-model-details');
    expect(details.hasAttribute('open')).toBe(false);
    expect(within(details).getByText('Details').tagName).toBe('SUMMARY');
    expect(details.textContent).toContain('r ran off to 4.54e+08');
    // Nothing else in the panel shows it.
    const outside = panel.textContent!.replace(details.textContent!, '');
    expect(outside).not.toContain('did not converge');
  });

  it('lists "Bought together" full width with product names, each SKU kept whole beside its name', async () => {
    serve({ [`GET ${A}/rules`]: () => json(200, demoRules) });
    renderWithProviders(<AnalyticsDashboard />);
    const panel = await screen.findByTestId('analytics-rules');
    expect(panel.classList.contains('dashboard-grid__wide')).toBe(true);
    const items = await within(panel).findAllByTestId('analytics-rule');
    expect(items).toHaveLength(demoRules.rules.length);
    const [first, pair] = items;
    expect(first.textContent).toBe('Basket has Lemonade 1L BEV-005Also has Dark Chocolate 70% SNK-001Lift10.1×Confidence70%Support4%');
    // Two products in the basket: both named; a SKU the server gave no name for is shown alone.
    expect(pair.querySelector('.rule__side')!.textContent).toBe('Basket has Dark Chocolate 70% SNK-001 + BEV-004');
    for (const sku of pair.querySelectorAll('.rule__sku')) expect(sku.tagName).toBe('CODE');
    expect(within(pair).getByText('Lemonade 1L', { exact: false })).toBeTruthy();
  });

  it('draws every panel from the stored run', async () => {
    serve();
    renderWithProviders(<AnalyticsDashboard />);
    expect(await screen.findByTestId('analytics-run')).toHaveProperty('textContent', expect.stringContaining(`Run ${segments.run.id}`));

    const segmentTable = within(screen.getByTestId('analytics-segments')).getByRole('table');
    const top = segmentRows(segments)[0];
    const topRow = within(segmentTable).getByRole('row', { name: new RegExp(`^${top.name} `) });
    expect(topRow.textContent).toContain(formatPoints(top.customers));
    expect(topRow.textContent).toContain(formatPercent(top.share));
    expect(within(segmentTable).getAllByRole('row')).toHaveLength(segments.segments.length + 1);
    expect(within(segmentTable).getByRole('columnheader', { name: 'Mean CLV' })).toBeTruthy();

    const clv = screen.getByTestId('analytics-clv');
    expect(await within(clv).findByText('Median CLV')).toBeTruthy();
    expect(within(clv).getByText(/all \d[\d,]* customers with a CLV/)).toBeTruthy();

    const heatmap = await within(screen.getByTestId('analytics-cohorts')).findByRole('table');
    // Months in words: "Apr 2025", not "2025-04".
    expect(within(heatmap).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Apr 2025', 'May 2025', 'Jun 2025', 'Sep 2026']);

    const affinity = screen.getByTestId('analytics-affinities');
    expect(await within(affinity).findByRole('heading', { name: 'Top categories' })).toBeTruthy();
    expect(within(affinity).getAllByText(new RegExp(`${affinities.top_categories![0].value} leads`)).length).toBe(1);

    const rulesPanel = screen.getByTestId('analytics-rules');
    if (rules.rules.length > 0) {
      const list = await within(rulesPanel).findByRole('list', { name: /Association rules/ });
      expect(within(list).getAllByTestId('analytics-rule')).toHaveLength(rules.rules.length);
    } else {
      expect(await within(rulesPanel).findByText('No association rules in this run')).toBeTruthy();
    }

    const sentimentPanel = screen.getByTestId('analytics-sentiment');
    const months = sentiment.months!;
    expect(await within(sentimentPanel).findByText('Mean sentiment of feedback (−1 negative to +1 positive) per month, Sep 2026 to Nov 2026.')).toBeTruthy();
    const sentimentTable = within(sentimentPanel).getByRole('table', { hidden: true, name: 'Mean sentiment and feedback count per period' });
    expect(within(sentimentTable).getAllByRole('row', { hidden: true })).toHaveLength(months.length + 1);
    // Rounded and worded: "+0.23, mostly positive", not "0.2333".
    expect(within(sentimentTable).getByRole('row', { hidden: true, name: /^Oct 2026 / }).textContent).toContain('+0.23, mostly positive');
    expect(screen.queryByText(/campaign/i)).toBeNull();
  });

  it('stacks the segment table on a phone: each value names its column, and it stays a table for screen readers', async () => {
    serve();
    renderWithProviders(<AnalyticsDashboard />);
    const card = await screen.findByTestId('analytics-segments');
    const table = await within(card).findByRole('table');
    expect(table.classList.contains('table--stack')).toBe(true);
    const top = segmentRows(segments)[0];
    const row = within(table).getByRole('row', { name: new RegExp(`^${top.name} `) });
    const cells = within(row).getAllByRole('cell');
    const labels = cells.map((c) => c.querySelector('.table__cell-label')?.textContent);
    expect(labels).toEqual(['Customers', 'Share', 'Still active', 'Mean CLV', 'Spend']);
    // The names written beside the values are for the eye only: the column headers name them for assistive technology.
    for (const cell of cells) expect(cell.querySelector('.table__cell-label')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(row).getByRole('rowheader').textContent).toBe(top.name);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Segment (RFM)', 'Customers', 'Share', 'Chance still active (mean P(alive))', 'Mean CLV', 'Spend']);
    expect(cells[1].textContent).toBe(`Share${formatPercent(top.share)}`);
  });

  it('says why sentiment is not available on a server without a behaviour store', async () => {
    serve({ [`GET ${A}/sentiment`]: () => json(200, sentimentUnavailable) });
    renderWithProviders(<AnalyticsDashboard />);
    const sentimentPanel = await screen.findByTestId('analytics-sentiment');
    expect(await within(sentimentPanel).findByText('Not available yet')).toBeTruthy();
    expect(within(sentimentPanel).getByText(sentimentUnavailable.message!)).toBeTruthy();
  });

  it('reads the CLV list page by page and says when it shows only the highest values', async () => {
    // Full pages of 200 that always have a next one: the reader stops at 2,000 customers.
    const full = Array.from({ length: 200 }, (_, i) => ({ ...clvPage.items[i % clvPage.items.length], customer_id: `c${i}` }));
    const fake = serve({
      [`GET ${A}/clv`]: (call) => json(200, { ...clvPage, items: full, next_cursor: String(Number(new URL(call.url, 'http://x').searchParams.get('cursor') ?? 0) + 200) }),
    });
    renderWithProviders(<AnalyticsDashboard />);
    const clv = await screen.findByTestId('analytics-clv');
    expect(await within(clv).findByText(/the 2,000 highest of/)).toBeTruthy();
    const clvCalls = fake.calls.filter((c) => c.url.includes('/clv'));
    expect(clvCalls).toHaveLength(10);
    expect(clvCalls[1].url).toContain('cursor=200');
  });

  it('shows the data of a chart as a table on demand', async () => {
    serve();
    renderWithProviders(<AnalyticsDashboard />);
    const clv = await screen.findByTestId('analytics-clv');
    const summary = await within(clv).findByText('Show the data as a table');
    await userEvent.click(summary);
    const table = within(clv).getByRole('table', { name: 'Customers per CLV range' });
    expect(within(table).getByRole('columnheader', { name: 'CLV range' })).toBeTruthy();
  });

  it('explains how to make a run when none exists, and asks nothing else', async () => {
    const fake = serve({ [`GET ${A}/status`]: () => json(200, statusNoRun) });
    renderWithProviders(<AnalyticsDashboard />);
    expect(await screen.findByText('No analysis run yet')).toBeTruthy();
    expect(screen.getByText('patron analyze all')).toBeTruthy();
    expect(fake.calls.map((c) => c.url)).toEqual([`${A}/status`]);
  });

  it('shows an error with "Try again" and recovers', async () => {
    const fake = serve({ [`GET ${A}/segments`]: [() => apiError(500, 'server_error', 'The database is busy.'), () => json(200, segments)] });
    renderWithProviders(<AnalyticsDashboard />);
    expect((await screen.findByRole('alert')).textContent).toContain('The database is busy.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('analytics-run')).toBeTruthy();
    expect(fake.calls.filter((c) => c.url.endsWith('/segments'))).toHaveLength(2);
  });

  it('keeps the other panels when one fails', async () => {
    serve({ [`GET ${A}/rules`]: () => apiError(500, 'server_error', 'Rules are broken.') });
    renderWithProviders(<AnalyticsDashboard />);
    const rulesPanel = await screen.findByTestId('analytics-rules');
    expect((await within(rulesPanel).findByRole('alert')).textContent).toContain('Rules are broken.');
    await waitFor(() => expect(within(screen.getByTestId('analytics-segments')).getByRole('table')).toBeTruthy());
  });
});
