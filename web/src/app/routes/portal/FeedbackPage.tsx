import { Card } from '@/components/ui';
import { FeedbackForm } from '@/features/feedback';
import { Page } from '../../Page';

export function FeedbackPage() {
  return (
    <Page title="Feedback" subtitle="How are we doing? Your words go straight to the team." narrow>
      <Card>
        <FeedbackForm />
      </Card>
    </Page>
  );
}
