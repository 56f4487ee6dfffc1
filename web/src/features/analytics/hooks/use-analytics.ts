import { useQuery } from '@tanstack/react-query';
import { analyticsQueryKey, getAffinities, getClvSample, getCohorts, getModels, getRules, getSegments, getSentiment, getStatus, probeAnalytics } from '../api/analytics';

/** Whether the dashboards exist on this server; cached for the session. */
export const useAnalyticsAvailable = (enabled = true) =>
  useQuery({ queryKey: analyticsQueryKey('available'), queryFn: probeAnalytics, enabled, staleTime: Infinity, retry: false });

// The answers change only when `patron analyze all` stores a new run.
const options = { retry: false, staleTime: 60_000 } as const;

/** Whether a run is stored (asked before the dashboards, so a fresh install's page logs no 404). */
export const useAnalyticsStatus = () =>
  // Asked again on every visit: a run stored meanwhile (`patron analyze all`) shows at once.
  useQuery({ queryKey: analyticsQueryKey('status'), queryFn: getStatus, retry: false, staleTime: 0 });
export const useSegments = (enabled = true) => useQuery({ queryKey: analyticsQueryKey('segments'), queryFn: getSegments, enabled, ...options });
export const useClvSample = (enabled: boolean) =>
  useQuery({ queryKey: analyticsQueryKey('clv'), queryFn: () => getClvSample(), enabled, ...options });
export const useCohorts = (enabled: boolean) => useQuery({ queryKey: analyticsQueryKey('cohorts'), queryFn: getCohorts, enabled, ...options });
export const useAffinities = (enabled: boolean) =>
  useQuery({ queryKey: analyticsQueryKey('affinities'), queryFn: getAffinities, enabled, ...options });
export const useRules = (enabled: boolean) => useQuery({ queryKey: analyticsQueryKey('rules'), queryFn: () => getRules(), enabled, ...options });
export const useSentiment = (enabled: boolean) =>
  useQuery({ queryKey: analyticsQueryKey('sentiment'), queryFn: getSentiment, enabled, ...options });
export const useModels = (enabled: boolean) => useQuery({ queryKey: analyticsQueryKey('models'), queryFn: getModels, enabled, ...options });
