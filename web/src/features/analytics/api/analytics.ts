import { api } from '@/lib/api';
import { ApiError } from '@/lib/api-error';
import { clvValues, readRun } from '../normalize';
import type {
  AffinitiesResponse,
  AnalyticsRun,
  AnalyticsStatus,
  ClvPage,
  CohortsResponse,
  ModelsResponse,
  RulesResponse,
  SegmentsResponse,
  SentimentResponse,
} from '../types';

export const analyticsQueryKey = (name: string) => ['admin', 'analytics', name] as const;

const base = '/admin/analytics';
const PAGE = 200; // the API's largest page
/** The CLV histogram reads at most this many customers (the highest values first). */
export const CLV_SAMPLE_LIMIT = 2000;
export const RULES_SHOWN = 10;

/** GET /status: 200 whether or not a run exists (no 404 logged by the browser on a fresh install). */
export const getStatus = () => api.get<AnalyticsStatus>(`${base}/status`);
export const getSegments = () => api.get<SegmentsResponse>(`${base}/segments`);
export const getCohorts = () => api.get<CohortsResponse>(`${base}/cohorts`);
export const getAffinities = () => api.get<AffinitiesResponse>(`${base}/affinities`);
export const getRules = (limit = RULES_SHOWN) => api.get<RulesResponse>(`${base}/rules`, { query: { limit } });
export const getSentiment = () => api.get<SentimentResponse>(`${base}/sentiment`);
export const getModels = () => api.get<ModelsResponse>(`${base}/models`);

export interface ClvSample {
  run: AnalyticsRun | null;
  values: number[];
  /** Customers read (with or without a CLV). */
  read: number;
  /** More customers than the sample limit: the histogram shows the highest values only. */
  truncated: boolean;
}

/** Pages through GET /clv (highest CLV first) up to `limit` customers. */
export async function getClvSample(limit = CLV_SAMPLE_LIMIT): Promise<ClvSample> {
  let cursor: string | null = null;
  let run: AnalyticsRun | null = null;
  const values: number[] = [];
  let read = 0;
  do {
    const page: ClvPage = await api.get<ClvPage>(`${base}/clv`, { query: { limit: Math.min(PAGE, limit - read), cursor } });
    run ??= readRun(page);
    read += page.items.length;
    values.push(...clvValues(page));
    cursor = page.next_cursor && page.items.length > 0 ? page.next_cursor : null;
  } while (cursor && read < limit);
  return { run, values, read, truncated: cursor !== null };
}

/**
 * Whether this server has the analytics endpoints: GET /status answers 200
 * (with or without a run). Any error (404 "no such endpoint" on an older
 * server, 403, 501) hides them.
 */
export async function probeAnalytics(): Promise<boolean> {
  try {
    await getStatus();
    return true;
  } catch (error) {
    if (error instanceof ApiError) return false;
    throw error;
  }
}
