import { useQuery } from '@tanstack/react-query';
import { analyticsQueryKey, getAnalytics, probeAnalytics } from '../api/analytics';

/** Whether the dashboards exist on this server; cached for the session. */
export const useAnalyticsAvailable = (enabled = true) =>
  useQuery({ queryKey: analyticsQueryKey('available'), queryFn: probeAnalytics, enabled, staleTime: Infinity, retry: false });

export const useAnalytics = (name: 'segments' | 'clv' | 'cohorts') =>
  useQuery({ queryKey: analyticsQueryKey(name), queryFn: () => getAnalytics(name), retry: false });
