import { PageHeader } from '@/components/ui';
import { ActivityTabs } from '@/features/activity';
import { usePageTitle } from '../../use-page-title';

export function ActivityPage() {
  usePageTitle('Activity');
  return (
    <div className="page">
      <PageHeader title="Activity" subtitle="Your purchases and every point earned or spent." />
      <ActivityTabs />
    </div>
  );
}
