import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { validFirst } from '../vouchers';
import type { Redemption } from '../types';
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

  it('shows the date a voucher is valid until, and no expired state while it is valid', () => {
    render(<VoucherCode code="PTR-AAAAA-BBBBB" expires_at="2999-03-03T12:00:00Z" status="valid" />);
    expect(screen.getByTestId('voucher-expiry').textContent).toMatch(/^Valid until .*2999$/);
    expect(screen.getByTestId('voucher-expiry').textContent).toMatch(/Mar/);
    expect(screen.queryByTestId('voucher-state')).toBeNull();
    expect(screen.getByTestId('voucher').className).toBe('voucher');
  });

  it('says an expired voucher is expired, in words, never the raw status', () => {
    render(<VoucherCode code="PTR-CCCCC-DDDDD" expires_at="2020-03-03T12:00:00Z" status="expired" />);
    expect(screen.getByTestId('voucher-state').textContent).toBe('Expired');
    expect(screen.getByTestId('voucher-expiry').textContent).toMatch(/^Expired on Mar 3, 2020$/);
    expect(screen.getByTestId('voucher').className).toContain('voucher--expired');
    expect(document.body.textContent).not.toContain('expired');
  });

  it('trusts the server saying expired even if the clocks disagree', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(voucherExpiry('2026-12-31T12:00:00Z', now, 'expired')).toMatch(/^Expired on Dec 31, 2026$/);
    expect(voucherExpiry(null, now, 'expired')).toBe('Expired');
  });

  it('lists valid vouchers before expired ones, each group in its order', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const v = (id: string, expires_at: string | null, status?: 'valid' | 'expired'): Redemption =>
      ({ id, reward_id: 'r', reward_name: 'R', points: 1, code: id, created_at: '2026-01-01T00:00:00Z', expires_at, status });
    const items = [v('a', '2026-05-01T00:00:00Z'), v('b', '2026-09-01T00:00:00Z'), v('c', null), v('d', '2026-12-01T00:00:00Z', 'expired'), v('e', '2027-01-01T00:00:00Z')];
    expect(validFirst(items, now).map((r) => r.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
  });
});
