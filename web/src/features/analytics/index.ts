export { AnalyticsDashboard, NoRunYet } from './components/AnalyticsDashboard';
export { useAnalyticsAvailable } from './hooks/use-analytics';
export { clvHistogram, cohortRows, isNoRunError, ruleRows, segmentRows, sentimentSeries } from './normalize';
export type * from './types';
