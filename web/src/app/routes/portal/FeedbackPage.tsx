import { Card, PageHeader } from '@/components/ui';
import { FeedbackForm } from '@/features/feedback';
import { usePageTitle } from '../../use-page-title';

export function FeedbackPage() {
  usePageTitle('Feedback');
  return (
    <div className="page page--narrow">
      <PageHeader title="Feedback" subtitle="How are we doing? Your words go straight to the team." />
      <Card>
        <FeedbackForm />
      </Card>
    </div>
  );
}
