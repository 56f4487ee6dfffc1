import { Card, EmptyState, ErrorState, SkeletonList } from '@/components/ui';
import { ApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useCampaignReport } from '../hooks/use-campaigns';
import type { CampaignReport as Report } from '../types';
import { ArmsTable, UpliftStats } from './ReportNumbers';
import { ReportPanels } from './ReportPanels';
import { upliftFigures } from './report-figures';
import './report.css';

/** "From Dec 1, 2026 to Dec 31, 2026", or "Since Dec 1, 2026" while the window reaches today. */
export function windowText(window: { starts_at: string; ends_at: string }, now = new Date()): string {
  const end = new Date(window.ends_at);
  const endsTodayOrLater = Number.isNaN(end.getTime()) || formatDate(window.ends_at) === formatDate(now.toISOString()) || end.getTime() > now.getTime();
  return endsTodayOrLater ? `Since ${formatDate(window.starts_at)}, up to today` : `From ${formatDate(window.starts_at)} to ${formatDate(window.ends_at)}`;
}

export function ReportView({ report }: { report: Report }) {
  const figures = upliftFigures(report);
  return (
    <div className="stack-lg" data-testid="campaign-report">
      <p className="muted">
        {windowText(report.window)}: customers who got the offer (treatment) against the randomly held-back control group.
      </p>
      <UpliftStats report={report} figures={figures} />
      <p className="report-verdict" data-testid="report-verdict">
        {figures.verdict}
      </p>
      <ReportPanels report={report} figures={figures} />
      <p className="small muted">
        Bars: each group's average. The whisker on the treatment bar is the 95 % interval of the difference, measured from the control group's level (the dashed line): when the whole whisker
        is above the line, the uplift is not chance.
      </p>
      <ArmsTable report={report} />
      <details className="report-method">
        <summary>How this is calculated</summary>
        <p className="small" data-testid="report-method">
          {report.method}
        </p>
      </details>
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
