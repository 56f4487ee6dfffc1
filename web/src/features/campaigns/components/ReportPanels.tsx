import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui';
import { currencyDigits, formatMoney } from '@/lib/format';
import type { CampaignReport as Report } from '../types';
import type { ArmBar } from './report-chart';
import { bars, moneyTick, pct, rateTick, type UpliftFigures } from './report-figures';

const ArmsChart = lazy(() => import('./report-chart').then((m) => ({ default: m.ArmsChart })));

function Panel({ title, data, format, control, summary, testId }: { title: string; data: ArmBar[]; format: (v: number, decimals: number) => string; control: number; summary: string; testId: string }) {
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

/** Treatment against control, drawn: revenue per customer and purchase rate. */
export function ReportPanels({ report, figures }: { report: Report; figures: UpliftFigures }) {
  const { treatment: t, control: c, currency } = report;
  const { tRate, cRate, purchaseRate, revenueCi: revCi } = figures;
  const toMajor = (minor: number) => minor / 10 ** currencyDigits(currency);
  return (
    <div className="report-panels">
      <Panel
        title="Revenue per customer"
        testId="chart-revenue"
        data={bars(toMajor(t.revenue_per_customer_minor), toMajor(c.revenue_per_customer_minor), revCi && [toMajor(revCi[0]), toMajor(revCi[1])])}
        control={toMajor(c.revenue_per_customer_minor)}
        format={moneyTick(currency)}
        summary={`Treatment ${formatMoney(t.revenue_per_customer_minor, currency)}, control ${formatMoney(c.revenue_per_customer_minor, currency)}.`}
      />
      <Panel
        title="Purchase rate"
        testId="chart-purchase-rate"
        data={bars(tRate, cRate, purchaseRate.ci95, [0, 1])}
        control={cRate}
        format={rateTick}
        summary={`Treatment ${pct(tRate)}, control ${pct(cRate)}.`}
      />
    </div>
  );
}
