import type { ReactNode } from 'react';
import { Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { formatDate, formatDateTime, formatMoney, formatMoneyMajor, formatPercent, formatPoints } from '@/lib/format';
import { useAnalyticsAnswer, useAnalyticsStatus } from '../hooks/use-analytics';
import {
  affinityLists,
  clvHistogram,
  cohortRows,
  isNoRunError,
  monthLabel,
  readRun,
  runCurrency,
  segmentRows,
  sentimentSeries,
  sentimentText,
  type HistogramBin,
  type SegmentRow,
} from '../normalize';
import type { AnalyticsRun, Bar, SegmentsResponse } from '../types';
import { barsHeight, ChartFigure } from './ChartFigure';
import { CohortHeatmap } from './CohortHeatmap';
import { ModelFitPanel } from './ModelFitPanel';
import { Panel, PANEL_HEIGHT } from './Panel';
import { RulesPanel } from './RulesPanel';
import './analytics.css';

const HISTOGRAM_HEIGHT = 240;

/** The empty state of the whole dashboard: the endpoints exist but no run was stored. */
export function NoRunYet() {
  return (
    <Card>
      <EmptyState title="No analysis run yet" icon="chart">
        <p>
          Run <code>patron analyze all</code> on the server to compute segments, lifetime value, retention and affinities. These dashboards
          show the latest stored run.
        </p>
      </EmptyState>
    </Card>
  );
}


function horizonText(run: AnalyticsRun | null): string | null {
  const p = run?.parameters;
  const n = typeof p?.horizon_periods === 'number' ? p.horizon_periods : null;
  const unit = typeof p?.period === 'string' ? p.period : null;
  return n !== null && unit ? `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}` : null;
}

function RunSummary({ run }: { run: AnalyticsRun | null }) {
  if (!run) return null;
  return (
    <p className="muted run-summary" data-testid="analytics-run">
      Run {run.id}, finished {formatDateTime(run.finished_at)}: {formatPoints(run.customers)} customers and {formatPoints(run.purchases)} purchases up to{' '}
      {formatDate(run.as_of)}.
    </p>
  );
}

function SegmentsPanel({ answer, currency }: { answer: SegmentsResponse; currency: string }) {
  const segments = segmentRows(answer);
  const hasModels = segments.some((s) => s.meanPAlive !== null || s.meanClv !== null);
  return (
    <Card title="Segment sizes" className="dashboard-grid__wide" data-testid="analytics-segments">
      {segments.length === 0 ? (
        <EmptyState title="No segments in this run" />
      ) : (
        <ChartFigure<SegmentRow>
          chart={{ kind: 'bars', data: segments.map((s) => ({ name: s.name, value: s.customers })), format: formatPoints, nameWidth: 132 }}
          height={barsHeight(segments.length)}
          caption={`Customers per segment, largest first (RFM segments group customers by how recently, how often and how much they bought): ${segments
            .slice(0, 3)
            .map((s) => `${s.name} ${formatPercent(s.share)}`)
            .join(', ')}${segments.length > 3 ? ` and ${segments.length - 3} more` : ''}.`}
          showTable
          table={{
            caption: 'Customers, share, mean chance still active (P(alive)), mean CLV and total spend per RFM segment',
            rowKey: (s) => s.name,
            // Up to six columns: at 375 px Share and the rest scrolled out of sight.
            stackOnPhone: true,
            rows: segments,
            columns: [
              { header: 'Segment (RFM)', cell: (s) => s.name },
              { header: 'Customers', cell: (s) => formatPoints(s.customers), numeric: true },
              { header: 'Share', cell: (s) => formatPercent(s.share), numeric: true },
              ...(hasModels
                ? [
                    { header: 'Chance still active (mean P(alive))', label: 'Still active', cell: (s: SegmentRow) => (s.meanPAlive === null ? '—' : formatPercent(s.meanPAlive)), numeric: true },
                    { header: 'Mean CLV', cell: (s: SegmentRow) => (s.meanClv === null ? '—' : formatMoneyMajor(s.meanClv, currency)), numeric: true },
                  ]
                : []),
              { header: 'Spend', cell: (s) => (s.monetaryMinor === null ? '—' : formatMoney(s.monetaryMinor, currency)), numeric: true },
            ],
          }}
        />
      )}
    </Card>
  );
}

function binLabel(bin: HistogramBin, currency: string): string {
  const from = formatMoneyMajor(bin.from, currency, 0);
  return bin.to === null ? `${from}+` : `${from}–${formatMoneyMajor(bin.to, currency, 0)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ClvPanel({ currency, run }: { currency: string; run: AnalyticsRun | null }) {
  const horizon = horizonText(run);
  return (
    <Panel
      title="Customer lifetime value"
      answer="clv"
      view={(sample) => sample.values}
      empty={(values) =>
        values.length === 0 && (
          <EmptyState title="No lifetime values in this run">
            The spend model could not be fitted to this history (too few repeat customers), so the run holds no CLV.
          </EmptyState>
        )
      }
    >
      {(values, sample) => {
        const bins = clvHistogram(values);
        const bars: Bar[] = bins.map((b) => ({ name: formatMoneyMajor(b.from, currency, 0), value: b.count }));
        const total = sample.run?.customers ?? run?.customers ?? sample.read;
        return (
          <div className="stack">
            <dl className="stats">
              <div>
                <dt>Median CLV</dt>
                <dd>{formatMoneyMajor(median(values), currency)}</dd>
              </div>
              <div>
                <dt>Highest CLV</dt>
                <dd>{formatMoneyMajor(Math.max(...values), currency)}</dd>
              </div>
            </dl>
            <ChartFigure<HistogramBin>
              chart={{ kind: 'bars', columns: true, data: bars, format: formatPoints }}
              height={HISTOGRAM_HEIGHT}
              caption={
                <>
                  Customers by expected value{horizon ? ` over the next ${horizon}` : ''}
                  {sample.truncated
                    ? `: the ${formatPoints(sample.read)} highest of ${formatPoints(total)} customers.`
                    : `: all ${formatPoints(values.length)} customers with a CLV.`}{' '}
                  The last bar holds the top 5 %.
                </>
              }
              table={{
                caption: 'Customers per CLV range',
                rowKey: (b) => String(b.from),
                rows: bins,
                columns: [
                  { header: 'CLV range', cell: (b) => binLabel(b, currency) },
                  { header: 'Customers', cell: (b) => formatPoints(b.count), numeric: true },
                ],
              }}
            />
          </div>
        );
      }}
    </Panel>
  );
}

function CohortsPanel() {
  return (
    <Panel
      title="Cohort retention"
      answer="cohorts"
      wide
      view={cohortRows}
      empty={(rows) => rows.length === 0 && <EmptyState title="No cohorts in this run" />}
      note="Share of each first-purchase month's customers who bought in the months after it (+0 is the first month)."
    >
      {(rows) => <CohortHeatmap rows={rows} />}
    </Panel>
  );
}

const POPULAR_DRAWN = 10;

function PopularFigure({ title, bars, kind }: { title: string; bars: Bar[]; kind: string }) {
  const drawn = bars.slice(0, POPULAR_DRAWN);
  return (
    <section className="stack" aria-label={title}>
      <h3 className="subheading">{title}</h3>
      {bars.length === 0 ? (
        <p className="muted">No {kind} data in this run.</p>
      ) : (
        <ChartFigure<Bar>
          chart={{ kind: 'bars', data: drawn, format: formatPoints, nameWidth: 120 }}
          height={barsHeight(drawn.length)}
          caption={`Customers whose strongest ${kind} is each one${bars.length > drawn.length ? ` (the top ${drawn.length} of ${bars.length}; the table has all)` : ''}; ${bars[0].name} leads with ${formatPoints(bars[0].value)}.`}
          table={{
            caption: `Customers per top ${kind}`,
            rowKey: (b) => b.name,
            rows: bars,
            columns: [
              { header: kind === 'brand' ? 'Brand' : 'Category', cell: (b) => b.name },
              { header: 'Customers', cell: (b) => formatPoints(b.value), numeric: true },
            ],
          }}
        />
      )}
    </section>
  );
}

function AffinitiesPanel() {
  return (
    <Panel
      title="Top affinities"
      answer="affinities"
      wide
      view={affinityLists}
      empty={({ categories, brands }) => categories.length === 0 && brands.length === 0 && <EmptyState title="No affinities in this run" />}
      note={({ halfLifeDays }) => `Each customer's purchases weighted by recency${halfLifeDays ? ` (a purchase ${halfLifeDays} days old counts half)` : ''}.`}
    >
      {({ categories, brands }) => (
        <div className="grid-2 affinity-grid">
          <PopularFigure title="Top categories" bars={categories} kind="category" />
          <PopularFigure title="Top brands" bars={brands} kind="brand" />
        </div>
      )}
    </Panel>
  );
}


/** The server's messages quote commands in backticks: shown as code. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

function SentimentPanel() {
  return (
    <Panel
      title="Sentiment over time"
      answer="sentiment"
      wide
      view={sentimentSeries}
      empty={(view) => !view.available && <EmptyState title="Not available yet">{withCode(view.message ?? 'No feedback has been given in this window yet.')}</EmptyState>}
    >
      {({ points }) => (
        <ChartFigure
          chart={{ kind: 'sentiment', points }}
          height={HISTOGRAM_HEIGHT}
          caption={`Mean sentiment of feedback (−1 negative to +1 positive) per month, ${monthLabel(points[0].period)} to ${monthLabel(points[points.length - 1].period)}.`}
          table={{
            caption: 'Mean sentiment and feedback count per period',
            rowKey: (p) => p.period,
            rows: points,
            columns: [
              { header: 'Month', cell: (p) => monthLabel(p.period) },
              { header: 'Mean sentiment', cell: (p) => sentimentText(p.mean), numeric: true },
              { header: 'Feedback', cell: (p) => (p.count === null ? '—' : formatPoints(p.count)), numeric: true },
            ],
          }}
        />
      )}
    </Panel>
  );
}

function DashboardSkeleton() {
  return (
    <div className="dashboard-grid" aria-busy="true">
      <Skeleton height={PANEL_HEIGHT} />
      <Skeleton height={PANEL_HEIGHT} />
    </div>
  );
}

/**
 * The analytics dashboards over the latest stored run: segment sizes, CLV
 * distribution, cohort retention, top affinities, association rules and
 * sentiment. Campaign uplift joins when a campaigns API exists.
 */
export function AnalyticsDashboard() {
  const status = useAnalyticsStatus();
  // "No run" being asked again (back on the page after a run) shows as loading, not as the old answer.
  if (status.isPending || (status.isFetching && status.data?.available === false)) return <DashboardSkeleton />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  if (!status.data.available) return <NoRunYet />;
  return <RunDashboards />;
}

function RunDashboards() {
  const segments = useAnalyticsAnswer('segments');
  // A failed answer being fetched again (back on the page after a run) shows as loading, not as the old error.
  if (segments.isPending || (segments.isError && segments.isFetching)) return <DashboardSkeleton />;
  if (segments.isError) {
    if (isNoRunError(segments.error)) return <NoRunYet />;
    return <ErrorState error={segments.error} onRetry={() => segments.refetch()} />;
  }
  const run = readRun(segments.data);
  const currency = runCurrency(run);
  return (
    <div className="stack-lg">
      <RunSummary run={run} />
      <div className="dashboard-grid">
        <SegmentsPanel answer={segments.data} currency={currency} />
        <ClvPanel currency={currency} run={run} />
        <ModelFitPanel />
        <RulesPanel />
        <CohortsPanel />
        <AffinitiesPanel />
        <SentimentPanel />
      </div>
    </div>
  );
}
