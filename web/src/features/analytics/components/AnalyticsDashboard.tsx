import { lazy, Suspense } from 'react';
import { Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { useAnalytics } from '../hooks/use-analytics';
import { clvHistogram, cohortCells, segmentBars, type Bar } from '../normalize';
import { CohortHeatmap } from './CohortHeatmap';

const BarChartCard = lazy(() => import('./BarChartCard'));
const CHART_HEIGHT = '260px';

function ChartOrEmpty({ data, label }: { data: Bar[]; label: string }) {
  if (data.length === 0) return <EmptyState title="No data yet" />;
  return (
    <Suspense fallback={<Skeleton height={CHART_HEIGHT} />}>
      <BarChartCard data={data} label={label} />
    </Suspense>
  );
}

function Panel({ name, title, render }: { name: 'segments' | 'clv' | 'cohorts'; title: string; render: (raw: unknown) => React.ReactNode }) {
  const q = useAnalytics(name);
  return (
    <Card title={title}>
      {q.isPending && <Skeleton height={CHART_HEIGHT} />}
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.isSuccess && render(q.data)}
    </Card>
  );
}

/** Segment sizes, CLV distribution and the cohort retention heat map. More dashboards come later. */
export function AnalyticsDashboard() {
  return (
    <div className="dashboard-grid">
      <Panel name="segments" title="Segment sizes" render={(raw) => <ChartOrEmpty data={segmentBars(raw)} label="Customers per segment" />} />
      <Panel name="clv" title="CLV distribution" render={(raw) => <ChartOrEmpty data={clvHistogram(raw)} label="Customers per CLV band" />} />
      <Panel
        name="cohorts"
        title="Cohort retention"
        render={(raw) => {
          const cells = cohortCells(raw);
          return cells.length ? <CohortHeatmap cells={cells} /> : <EmptyState title="No cohorts yet" />;
        }}
      />
    </div>
  );
}
