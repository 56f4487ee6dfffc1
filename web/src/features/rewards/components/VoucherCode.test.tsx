import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VoucherCode, voucherExpiry } from './VoucherCode';

describe('VoucherCode', () => {
  it('shows the code as a barcode with its validity and terms', async () => {
    render(<VoucherCode code="PTR-EE5QP-HYQMG" description="Any croissant." terms="One per visit." />);
    expect(await screen.findByRole('img', { name: 'Voucher barcode, code PTR-EE5QP-HYQMG' })).toBeTruthy();
    expect(screen.getByTestId('voucher-code').textContent).toBe('PTR-EE5QP-HYQMG');
    expect(screen.getByTestId('voucher-expiry').textContent).toBe('Valid until used');
    expect(screen.getByTestId('voucher-terms').textContent).toContain('One per visit.');
  });

  it('says when a voucher expires', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(voucherExpiry(null, now)).toBe('Valid until used');
    expect(voucherExpiry('2026-12-31T12:00:00Z', now)).toMatch(/^Valid until Dec 31, 2026$/);
    expect(voucherExpiry('2026-11-01T12:00:00Z', now)).toMatch(/^Expired on Nov 1, 2026$/);
  });
});
