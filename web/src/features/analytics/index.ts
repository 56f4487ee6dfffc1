export { AnalyticsDashboard } from './components/AnalyticsDashboard';
export { useAnalyticsAvailable } from './hooks/use-analytics';
export { clvHistogram, cohortCells, segmentBars } from './normalize';
