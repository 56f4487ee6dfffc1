export { mergePreferences, readPreferences } from './api/preferences';
export { PreferencesForm } from './components/PreferencesForm';
export type * from './types';
