export { mergePreferences, readPreferences } from './api/preferences';
export { PreferencesForm } from './components/PreferencesForm';
export { CHANNEL_LABELS, isChannel } from './types';
export type * from './types';
