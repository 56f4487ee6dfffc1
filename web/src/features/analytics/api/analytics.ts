import { api } from '@/lib/api';
import { ApiError } from '@/lib/api-error';

export const analyticsQueryKey = (name: string) => ['admin', 'analytics', name] as const;

export const getAnalytics = (name: 'segments' | 'clv' | 'cohorts') => api.get<unknown>(`/admin/analytics/${name}`);

/** True when GET /admin/analytics/segments answers 200; any error (404, 501, 403) hides the dashboards. */
export async function probeAnalytics(): Promise<boolean> {
  try {
    await getAnalytics('segments');
    return true;
  } catch (error) {
    if (error instanceof ApiError) return false;
    throw error;
  }
}
