import { Card } from '@/components/ui';
import { PreferencesForm } from '@/features/preferences';
import { Page } from '../../Page';

export function PreferencesPage() {
  return (
    <Page title="Preferences" subtitle="Tell us what you like, and how you would like to hear from us." narrow>
      <Card>
        <PreferencesForm />
      </Card>
    </Page>
  );
}
