export { ledgerQueryKey, transactionsQueryKey } from './api/activity';
export { ActivityTabs } from './components/ActivityTabs';
export { RecentActivity } from './components/RecentActivity';
export { useRecentLedger } from './hooks/use-activity';
