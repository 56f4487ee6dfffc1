import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { segments } from '../testing/customer-value-fixtures';
import { statusNoRun, statusWithRun } from '../testing/run-status-fixtures';
import { getClvSample, probeAnalytics } from './analytics';

afterEach(() => vi.unstubAllGlobals());

const probeWith = (response: () => Response) => {
  serveFakeFetch({ 'GET /api/v1/admin/analytics/status': response });
  return probeAnalytics();
};

describe('probeAnalytics', () => {
  it('shows the dashboards when the status answers, with a run or without (200 both ways: no 404 logged)', async () => {
    expect(await probeWith(() => json(200, statusWithRun))).toBe(true);
    expect(await probeWith(() => json(200, statusNoRun))).toBe(true);
  });

  it('hides them on a server without the endpoints or for a refused caller', async () => {
    expect(await probeWith(() => apiError(404, 'not_found', 'no such endpoint'))).toBe(false);
    expect(await probeWith(() => apiError(403, 'forbidden', 'staff only'))).toBe(false);
    expect(await probeWith(() => apiError(501, 'not_implemented', 'later'))).toBe(false);
  });
});

describe('getClvSample', () => {
  it('stops at the last page', async () => {
    const fake = serveFakeFetch({
      'GET /api/v1/admin/analytics/clv': [
        () => json(200, { run: segments.run, items: [{ customer_id: 'a', clv: 3 }, { customer_id: 'b', clv: null }], next_cursor: '2' }),
        () => json(200, { run: segments.run, items: [{ customer_id: 'c', clv: 1 }], next_cursor: null }),
      ],
    });
    const sample = await getClvSample();
    expect(sample).toEqual({ run: segments.run, values: [3, 1], read: 3, truncated: false });
    expect(fake.calls[0].url).toBe('/api/v1/admin/analytics/clv?limit=200');
    expect(fake.calls[1].url).toBe('/api/v1/admin/analytics/clv?limit=200&cursor=2');
  });
});
