import { lazy, Suspense } from 'react';
import { Card, EmptyState, ErrorState, Skeleton, SkeletonList } from '@/components/ui';
import { ApiError } from '@/lib/api';
import { currencyDigits, formatDate, formatMoney, formatMoneyMajor, formatPoints } from '@/lib/format';
import { useCampaignReport } from '../hooks/use-campaigns';
import type { Arm, CampaignReport as Report } from '../types';
import type { ArmBar } from './report-chart';

const ArmsChart = lazy(() => import('./report-chart').then((m) => ({ default: m.ArmsChart })));

const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
const pct = (r: number, digits = 1) => `${(r * 100).toFixed(digits)} %`;
/** A difference in percentage points, signed: "+10.0 pts". */
const pts = (r: number) => `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r * 100).toFixed(1)} pts`;
const signedMoney = (minor: number, currency: string) => `${minor > 0 ? '+' : minor < 0 ? '−' : ''}${formatMoney(Math.abs(minor), currency)}`;

/** "From Dec 1, 2026 to Dec 31, 2026", or "Since Dec 1, 2026" while the window reaches today. */
export function windowText(window: { starts_at: string; ends_at: string }, now = new Date()): string {
  const end = new Date(window.ends_at);
  const endsTodayOrLater = Number.isNaN(end.getTime()) || formatDate(window.ends_at) === formatDate(now.toISOString()) || end.getTime() > now.getTime();
  return endsTodayOrLater ? `Since ${formatDate(window.starts_at)}, up to today` : `From ${formatDate(window.starts_at)} to ${formatDate(window.ends_at)}`;
}

type Ci = [number, number] | null;
/** The server sends null when an arm is too small for an interval. */
const interval = (value: unknown): Ci =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? [value[0], value[1]] : null;
const NO_INTERVAL = 'No 95 % interval yet: each group needs more customers.';

/** Bars for treatment and control; the treatment bar's whisker is control + the difference's 95 % interval. */
function bars(treatment: number, control: number, ci: Ci): ArmBar[] {
  return [
    ci
      ? { name: 'Treatment', value: treatment, err: [Math.max(0, treatment - (control + ci[0])), Math.max(0, control + ci[1] - treatment)], treatment: true }
      : { name: 'Treatment', value: treatment, treatment: true },
    { name: 'Control', value: control, treatment: false },
  ];
}

function verdict(ci: Ci): 'up' | 'down' | 'unclear' | 'unknown' {
  if (!ci) return 'unknown';
  if (ci[0] > 0) return 'up';
  if (ci[1] < 0) return 'down';
  return 'unclear';
}

function Panel({ title, data, format, control, summary, testId }: { title: string; data: ArmBar[]; format: (v: number) => string; control: number; summary: string; testId: string }) {
  const height = 220;
  return (
    <figure className="report-panel" data-testid={testId}>
      <h3 className="report-panel__title">{title}</h3>
      <div className="chart" aria-hidden="true" style={{ height }}>
        <Suspense fallback={<Skeleton height={`${height}px`} />}>
          <ArmsChart data={data} height={height} format={format} control={control} />
        </Suspense>
      </div>
      <figcaption className="small">{summary}</figcaption>
    </figure>
  );
}

const ARM_ROWS: { label: string; value: (a: Arm, currency: string) => string }[] = [
  { label: 'Customers', value: (a) => formatPoints(a.customers) },
  { label: 'Offers used', value: (a) => formatPoints(a.redemptions) },
  { label: 'Redemption rate', value: (a) => pct(a.redemption_rate) },
  { label: 'Customers who bought', value: (a) => formatPoints(a.purchasers) },
  { label: 'Purchase rate', value: (a) => pct(rate(a.purchasers, a.customers)) },
  { label: 'Purchases', value: (a) => formatPoints(a.purchases) },
  { label: 'Revenue', value: (a, c) => formatMoney(a.revenue_minor, c) },
  { label: 'Revenue per customer', value: (a, c) => formatMoney(a.revenue_per_customer_minor, c) },
];

export function ReportView({ report }: { report: Report }) {
  const { treatment: t, control: c, uplift, currency } = report;
  const money = (major: number) => formatMoneyMajor(major, currency, 0);
  const tRate = rate(t.purchasers, t.customers);
  const cRate = rate(c.purchasers, c.customers);
  const pr = { difference: uplift?.purchase_rate?.difference ?? tRate - cRate, ci95: interval(uplift?.purchase_rate?.ci95) };
  const revCi = interval(uplift?.ci95);
  const revVerdict = verdict(revCi);
  const revSentence =
    revVerdict === 'up'
      ? 'The offer raised revenue per customer: the whole 95 % interval is above zero.'
      : revVerdict === 'down'
        ? 'Revenue per customer fell: the whole 95 % interval is below zero.'
        : revVerdict === 'unclear'
          ? 'Not yet distinguishable from no effect: the 95 % interval includes zero.'
          : 'Too early to tell: there are too few customers in one of the groups for an interval.';
  const toMajor = (minor: number) => minor / 10 ** currencyDigits(currency);
  return (
    <div className="stack-lg" data-testid="campaign-report">
      <p className="muted">
        {windowText(report.window)}: customers who got the offer (treatment) against the randomly held-back control group.
      </p>
      <dl className="report-stats">
        <div>
          <dt>Revenue per customer, uplift</dt>
          <dd data-testid="uplift-revenue">{signedMoney(uplift.revenue_per_customer, currency)}</dd>
          <dd className="small muted" data-testid="uplift-revenue-ci">
            {revCi ? `95 % interval ${signedMoney(revCi[0], currency)} to ${signedMoney(revCi[1], currency)}` : NO_INTERVAL}
          </dd>
        </div>
        <div>
          <dt>Purchase rate, uplift</dt>
          <dd data-testid="uplift-purchase-rate">{pts(pr.difference)}</dd>
          <dd className="small muted" data-testid="uplift-purchase-rate-ci">
            {pr.ci95 ? `95 % interval ${pts(pr.ci95[0])} to ${pts(pr.ci95[1])}` : NO_INTERVAL}
          </dd>
        </div>
        <div>
          <dt>Incremental revenue</dt>
          <dd data-testid="incremental-revenue">{formatMoney(report.incremental_revenue_minor, currency)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-testid="cost-points">{formatPoints(report.cost_points)} points</dd>
        </div>
      </dl>
      <p className="report-verdict" data-testid="report-verdict">
        {revSentence}
      </p>
      <div className="report-panels">
        <Panel
          title="Revenue per customer"
          testId="chart-revenue"
          data={bars(toMajor(t.revenue_per_customer_minor), toMajor(c.revenue_per_customer_minor), revCi && [toMajor(revCi[0]), toMajor(revCi[1])])}
          control={toMajor(c.revenue_per_customer_minor)}
          format={money}
          summary={`Treatment ${formatMoney(t.revenue_per_customer_minor, currency)}, control ${formatMoney(c.revenue_per_customer_minor, currency)}.`}
        />
        <Panel
          title="Purchase rate"
          testId="chart-purchase-rate"
          data={bars(tRate, cRate, pr.ci95)}
          control={cRate}
          format={(v) => pct(v, 0)}
          summary={`Treatment ${pct(tRate)}, control ${pct(cRate)}.`}
        />
      </div>
      <p className="small muted">
        Bars: each group's average. The whisker on the treatment bar is the 95 % interval of the difference, measured from the control group's level (the dashed line): when the whole whisker
        is above the line, the uplift is not chance.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Treatment and control">
        <table className="table report-table" data-testid="report-table">
          <caption className="visually-hidden">Treatment and control over the campaign window</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Treatment
              </th>
              <th scope="col" className="num">
                Control
              </th>
            </tr>
          </thead>
          <tbody>
            {ARM_ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.value(t, currency)}</td>
                <td className="num">{row.value(c, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small" data-testid="report-method">
        <strong>Method.</strong> {report.method}
      </p>
    </div>
  );
}

export function CampaignReport({ campaignId, enabled = true }: { campaignId: string; enabled?: boolean }) {
  const report = useCampaignReport(campaignId, enabled);
  return (
    <Card title="Report">
      {!enabled ? (
        <EmptyState title="Nothing to measure yet">
          <p>The report compares the treatment and control groups once the campaign is live.</p>
        </EmptyState>
      ) : report.isPending ? (
        <SkeletonList rows={3} rowHeight="6rem" />
      ) : report.isError ? (
        report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 409) ? (
          <EmptyState title="Nothing to measure yet">
            <p>Generate the offers and put the campaign live: the report compares who got an offer with the control group.</p>
          </EmptyState>
        ) : (
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        )
      ) : (
        <ReportView report={report.data} />
      )}
    </Card>
  );
}
