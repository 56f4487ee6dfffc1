import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { REPORT } from '../testing/fixtures';
import { CampaignReport } from './CampaignReport';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const URL = 'GET /api/v1/admin/campaigns/cmp-1/report';

describe('CampaignReport', () => {
  it('gives the uplift with its 95 % intervals, the arms side by side, and the method', async () => {
    serveFakeFetch({ [URL]: () => json(200, REPORT) });
    renderWithProviders(<CampaignReport campaignId="cmp-1" />);
    expect((await screen.findByTestId('uplift-revenue')).textContent).toBe('+$5.00');
    expect(screen.getByTestId('uplift-revenue-ci').textContent).toBe('95 % interval +$1.20 to +$8.80');
    // A difference of rates is in percentage points, "pp" with its legend: never "pts", which reads as loyalty points.
    expect(screen.getByTestId('uplift-purchase-rate').textContent).toBe('+10.0 pp');
    expect(screen.getByTestId('uplift-purchase-rate-ci').textContent).toBe('95 % interval +0.4 pp to +19.0 pp');
    expect(screen.getByText(/Purchase rate, uplift in percentage points/).textContent).toBe('Purchase rate, uplift in percentage points (pp)');
    expect(screen.getByTestId('campaign-report').textContent).not.toMatch(/\bpts\b/);
    expect(screen.getByTestId('incremental-revenue').textContent).toBe('$4,500.00');
    expect(screen.getByTestId('cost-points').textContent).toBe('9,000 points');
    expect(screen.getByTestId('report-verdict').textContent).toMatch(/raised revenue per customer/);
    // The statistics are behind "How this is calculated", closed.
    const method = screen.getByTestId('report-method');
    expect(method.textContent).toContain("Welch's interval");
    const disclosure = method.closest('details')!;
    expect(disclosure.hasAttribute('open')).toBe(false);
    expect(disclosure.querySelector('summary')!.textContent).toBe('How this is calculated');
    expect(screen.queryByText('Method.')).toBeNull();

    const rows = within(screen.getByTestId('report-table')).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toContainEqual(['Customers', '900', '100']);
    expect(rows).toContainEqual(['Purchase rate', '50.0 %', '40.0 %']);
    expect(rows).toContainEqual(['Revenue per customer', '$30.00', '$25.00']);
  });

  it('draws treatment against control with a 95 % error bar on the treatment bar', async () => {
    // happy-dom lays nothing out: give the chart's container a size, as a browser would.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 320, height: 220, top: 0, left: 0, right: 320, bottom: 220, x: 0, y: 0, toJSON: () => ({}) } as DOMRect);
    serveFakeFetch({ [URL]: () => json(200, REPORT) });
    renderWithProviders(<CampaignReport campaignId="cmp-1" />);
    const revenue = await screen.findByTestId('chart-revenue');
    // The lazily loaded chart: two bars and one error bar (recharts draws it as three lines).
    await waitFor(() => expect(revenue.querySelectorAll('.recharts-bar-rectangle path, .recharts-rectangle').length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(revenue.querySelectorAll('.recharts-errorBar').length).toBe(1);
    expect(revenue.querySelector('.chart')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(revenue).getByText('Treatment $30.00, control $25.00.')).toBeTruthy();
    const rate = screen.getByTestId('chart-purchase-rate');
    await waitFor(() => expect(rate.querySelectorAll('.recharts-errorBar').length).toBe(1));
    expect(within(rate).getByText('Treatment 50.0 %, control 40.0 %.')).toBeTruthy();
  });

  it('says when the uplift cannot be told from chance', async () => {
    serveFakeFetch({ [URL]: () => json(200, { ...REPORT, uplift: { ...REPORT.uplift, revenue_per_customer: 40, ci95: [-300, 380] } }) });
    renderWithProviders(<CampaignReport campaignId="cmp-1" />);
    expect((await screen.findByTestId('report-verdict')).textContent).toMatch(/includes zero/);
    expect(screen.getByTestId('uplift-revenue-ci').textContent).toBe('95 % interval −$3.00 to +$3.80');
  });

  it('says when an arm is too small for an interval (the server sends null), and draws no whisker', async () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 320, height: 220, top: 0, left: 0, right: 320, bottom: 220, x: 0, y: 0, toJSON: () => ({}) } as DOMRect);
    serveFakeFetch({ [URL]: () => json(200, { ...REPORT, uplift: { ...REPORT.uplift, ci95: null, purchase_rate: { difference: 0.1, ci95: null } } }) });
    renderWithProviders(<CampaignReport campaignId="cmp-1" />);
    expect((await screen.findByTestId('report-verdict')).textContent).toMatch(/^Too early to tell/);
    expect(screen.getByTestId('uplift-revenue-ci').textContent).toBe('No 95 % interval yet: each group needs more customers.');
    expect(screen.getByTestId('uplift-purchase-rate-ci').textContent).toBe('No 95 % interval yet: each group needs more customers.');
    const revenue = screen.getByTestId('chart-revenue');
    await waitFor(() => expect(revenue.querySelectorAll('.recharts-bar-rectangle').length).toBe(2));
    expect(revenue.querySelectorAll('.recharts-errorBar').length).toBe(0);
  });

  it('has an empty state before there is anything to measure', async () => {
    serveFakeFetch({ [URL]: () => apiError(409, 'conflict', 'campaign not started') });
    renderWithProviders(<CampaignReport campaignId="cmp-1" />);
    expect(await screen.findByText('Nothing to measure yet')).toBeTruthy();
  });
});
