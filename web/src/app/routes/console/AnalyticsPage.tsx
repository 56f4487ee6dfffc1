import { Navigate } from 'react-router-dom';
import { PageHeader, SkeletonList } from '@/components/ui';
import { AnalyticsDashboard, useAnalyticsAvailable } from '@/features/analytics';
import { usePageTitle } from '../../use-page-title';

export function AnalyticsPage() {
  usePageTitle('Analytics');
  const available = useAnalyticsAvailable();
  if (available.isPending) return <SkeletonList rows={3} rowHeight="16rem" />;
  if (available.data !== true) return <Navigate to="/console" replace />;
  return (
    <div className="page">
      <PageHeader title="Analytics" subtitle="Segments, lifetime value, retention, affinities and sentiment from the latest analytics run." />
      <AnalyticsDashboard />
    </div>
  );
}
