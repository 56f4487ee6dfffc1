import { Card, PageHeader } from '@/components/ui';
import { PreferencesForm } from '@/features/preferences';
import { usePageTitle } from '../../use-page-title';

export function PreferencesPage() {
  usePageTitle('Preferences');
  return (
    <div className="page page--narrow">
      <PageHeader title="Preferences" subtitle="Tell us what you like, and how you would like to hear from us." />
      <Card>
        <PreferencesForm />
      </Card>
    </div>
  );
}
