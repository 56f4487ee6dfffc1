export { FeedbackForm } from './components/FeedbackForm';
export type * from './types';
