import type { Redemption } from './types';

export type VoucherStatus = 'valid' | 'expired';

/** Whether a voucher can still be used: the server's status, or its expiry against the clock. */
export function voucherStatus(expires_at: string | null | undefined, status?: string | null, now_ms: number = Date.now()): VoucherStatus {
  if (status === 'expired') return 'expired';
  const at = expires_at ? new Date(expires_at).getTime() : Number.NaN;
  return Number.isFinite(at) && at <= now_ms ? 'expired' : 'valid';
}

/** Vouchers still usable first (in the order listed: newest first), then the expired ones. */
export function validFirst(items: Redemption[], now_ms: number = Date.now()): Redemption[] {
  const expired = (r: Redemption) => voucherStatus(r.expires_at, r.status, now_ms) === 'expired';
  return [...items.filter((r) => !expired(r)), ...items.filter(expired)];
}
