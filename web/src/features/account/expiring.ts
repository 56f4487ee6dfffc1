import type { ExpiringPoints } from './types';

/** Home warns only about points expiring within this many days. */
export const EXPIRING_SOON_DAYS = 60;

/** Points expiring from now to `days` days ahead, soonest first. */
export function expiringSoon(expiring: ExpiringPoints[] | null | undefined, now_ms: number = Date.now(), days = EXPIRING_SOON_DAYS): ExpiringPoints[] {
  const limit = now_ms + days * 86_400_000;
  return (expiring ?? [])
    .filter((e) => e.points > 0)
    .filter((e) => {
      const at = new Date(e.expires_at).getTime();
      return Number.isFinite(at) && at >= now_ms && at <= limit;
    })
    .sort((a, b) => a.expires_at.localeCompare(b.expires_at));
}
