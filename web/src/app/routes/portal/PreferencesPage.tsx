import { PreferencesForm } from '@/features/preferences';
import { FormPage } from '../../Page';

export function PreferencesPage() {
  return (
    <FormPage title="Preferences" subtitle="Tell us what you like, and how you would like to hear from us.">
      <PreferencesForm />
    </FormPage>
  );
}
