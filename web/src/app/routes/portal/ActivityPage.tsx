import { ActivityTabs } from '@/features/activity';
import { Page } from '../../Page';

export function ActivityPage() {
  return (
    <Page title="Activity" subtitle="Your purchases and every point earned or spent.">
      <ActivityTabs />
    </Page>
  );
}
