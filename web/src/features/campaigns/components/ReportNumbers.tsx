import { ColumnHeads } from '@/components/ui';
import { formatMoney, formatPoints } from '@/lib/format';
import type { Arm, CampaignReport as Report } from '../types';
import { NO_INTERVAL, pct, pp, rate, signedMoney, type UpliftFigures } from './report-figures';

/** The headline: both uplifts with their 95 % intervals, what the offer brought in and what it cost. */
export function UpliftStats({ report, figures }: { report: Report; figures: UpliftFigures }) {
  const { uplift, currency } = report;
  const { purchaseRate: pr, revenueCi: revCi } = figures;
  return (
    <dl className="report-stats">
      <div>
        <dt>Revenue per customer, uplift</dt>
        <dd data-testid="uplift-revenue">{signedMoney(uplift.revenue_per_customer, currency)}</dd>
        <dd className="small muted" data-testid="uplift-revenue-ci">
          {revCi ? `95 % interval ${signedMoney(revCi[0], currency)} to ${signedMoney(revCi[1], currency)}` : NO_INTERVAL}
        </dd>
      </div>
      <div>
        <dt>
          Purchase rate, uplift in percentage points (<abbr title="percentage points">pp</abbr>)
        </dt>
        <dd data-testid="uplift-purchase-rate">{pp(pr.difference)}</dd>
        <dd className="small muted" data-testid="uplift-purchase-rate-ci">
          {pr.ci95 ? `95 % interval ${pp(pr.ci95[0])} to ${pp(pr.ci95[1])}` : NO_INTERVAL}
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

const ARM_COLUMNS = [{ header: 'Measure' }, { header: 'Treatment', numeric: true }, { header: 'Control', numeric: true }];

/** Every measure of both groups side by side (the charts' numbers, for everyone). */
export function ArmsTable({ report }: { report: Report }) {
  const { treatment: t, control: c, currency } = report;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Treatment and control">
      <table className="table report-table" data-testid="report-table">
        <caption className="visually-hidden">Treatment and control over the campaign window</caption>
        <ColumnHeads columns={ARM_COLUMNS} />
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
  );
}
