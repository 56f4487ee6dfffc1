import { useState } from 'react';

export function VoucherCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard may be blocked; the code stays visible and selectable.
    }
  };
  return (
    <div className="voucher">
      <span className="voucher__label">Voucher code</span>
      <code className="voucher__code" data-testid="voucher-code">
        {code}
      </code>
      <button type="button" className="btn btn--ghost btn--sm" onClick={copy}>
        <span className="btn__label">{copied ? 'Copied' : 'Copy'}</span>
      </button>
    </div>
  );
}
