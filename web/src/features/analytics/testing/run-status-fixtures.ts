// Whether a run is stored: the status the dashboards ask first, and the 404
// of the run-backed endpoints before the first `patron analyze all`.
import type { AnalyticsStatus } from '../types';
import { segments } from './customer-value-fixtures';

/** Any of the run-backed endpoints before the first `patron analyze all`: 404 */
export const noRun = {
  "error": {
    "code": "not_found",
    "field": null,
    "message": "no analytics run yet: run `patron analyze all` to compute and store one"
  }
} as const;

/** GET /status: 200 in both cases. */
export const statusWithRun: AnalyticsStatus = { available: true, run: segments.run, message: null };
export const statusNoRun: AnalyticsStatus = { available: false, run: null, message: noRun.error.message };
