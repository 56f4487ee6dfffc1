import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { analyticsQueryKey, getAffinities, getClvSample, getCohorts, getModels, getRules, getSegments, getSentiment, getStatus, probeAnalytics } from '../api/analytics';

/** Whether the dashboards exist on this server; cached for the session. */
export const useAnalyticsAvailable = () =>
  useQuery({ queryKey: analyticsQueryKey('available'), queryFn: probeAnalytics, staleTime: Infinity, retry: false });

/** Whether a run is stored (asked before the dashboards, so a fresh install's page logs no 404). */
export const useAnalyticsStatus = () =>
  // Asked again on every visit: a run stored meanwhile (`patron analyze all`) shows at once.
  useQuery({ queryKey: analyticsQueryKey('status'), queryFn: getStatus, retry: false, staleTime: 0 });

/** The latest run's answers, by name: each is read from `/admin/analytics/<name>`. */
const ANSWERS = {
  segments: getSegments,
  clv: () => getClvSample(),
  models: getModels,
  rules: () => getRules(),
  cohorts: getCohorts,
  affinities: getAffinities,
  sentiment: getSentiment,
};
export type AnswerName = keyof typeof ANSWERS;
export type Answer<K extends AnswerName> = Awaited<ReturnType<(typeof ANSWERS)[K]>>;

/** One answer of the latest run. The answers change only when `patron analyze all` stores a new run. */
export function useAnalyticsAnswer<K extends AnswerName>(name: K): UseQueryResult<Answer<K>> {
  return useQuery({
    queryKey: analyticsQueryKey(name),
    queryFn: () => ANSWERS[name]() as Promise<Answer<K>>,
    retry: false,
    staleTime: 60_000,
  });
}
