import { Barcode } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useCopy } from '@/lib/use-copy';
import { voucherStatus } from '../vouchers';

/** When a voucher can be used until, in words. */
export function voucherExpiry(expires_at: string | null | undefined, now_ms: number = Date.now(), status?: string | null): string {
  const at = expires_at ? new Date(expires_at).getTime() : Number.NaN;
  if (!Number.isFinite(at)) return status === 'expired' ? 'Expired' : 'Valid until used';
  return voucherStatus(expires_at, status, now_ms) === 'expired' ? `Expired on ${formatDate(expires_at)}` : `Valid until ${formatDate(expires_at)}`;
}

/** A voucher: its code as a Code 128 barcode the till scans, the code as text (copyable), its expiry and terms. */
export function VoucherCode({ code, expires_at, status, description, terms }: { code: string; expires_at?: string | null; status?: string | null; description?: string | null; terms?: string | null }) {
  const expired = voucherStatus(expires_at, status) === 'expired';
  // Where the clipboard is blocked, the code stays visible and selectable.
  const { copied, copy } = useCopy(code);
  return (
    <div className={expired ? 'voucher voucher--expired' : 'voucher'} data-testid="voucher">
      <span className="voucher__label">Voucher code</span>
      {expired && (
        <span className="voucher__state" data-testid="voucher-state">
          Expired
        </span>
      )}
      <Barcode value={code} label={`Voucher barcode, code ${code}`} caption={code} captionTestId="voucher-code" />
      <p className="voucher__expiry" data-testid="voucher-expiry">
        {voucherExpiry(expires_at, Date.now(), status)}
      </p>
      <button type="button" className="btn btn--ghost btn--sm" onClick={copy}>
        <span className="btn__label">{copied ? 'Copied' : 'Copy code'}</span>
      </button>
      {(description || terms) && (
        <div className="voucher__terms" data-testid="voucher-terms">
          {description && <p>{description}</p>}
          {terms && (
            <p>
              <strong>Terms:</strong> {terms}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
