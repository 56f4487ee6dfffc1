import { FeedbackForm } from '@/features/feedback';
import { FormPage } from '../../Page';

export function FeedbackPage() {
  return (
    <FormPage title="Feedback" subtitle="How are we doing? Your words go straight to the team.">
      <FeedbackForm />
    </FormPage>
  );
}
