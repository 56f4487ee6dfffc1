import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { RedeemDialog } from './RedeemDialog';

const reward = { id: 'r1', name: 'Free coffee', description: 'Any size', points_cost: 100, stock: null, available: true };

afterEach(() => vi.unstubAllGlobals());

describe('RedeemDialog', () => {
  it('confirms, redeems with an Idempotency-Key and shows the voucher code', async () => {
    const fake = serveFakeFetch({ 'POST /api/v1/me/redemptions': () => json(201, { id: 'd1', reward_id: 'r1', points: 100, code: 'PTR-7QX2', balance_after: 50 }) });
    renderWithProviders(<RedeemDialog reward={reward} points_balance={150} onClose={() => {}} />);
    expect(screen.getByText(/Your balance after redemption: 50 points/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm redemption' }));
    expect((await screen.findByTestId('voucher-code')).textContent).toBe('PTR-7QX2');
    expect(fake.calls[0].body).toEqual({ reward_id: 'r1' });
    expect(fake.calls[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses the same key when the customer retries after a failure', async () => {
    const fake = serveFakeFetch({
      'POST /api/v1/me/redemptions': [() => apiError(503, 'unavailable', 'Try again.'), () => json(201, { id: 'd1', reward_id: 'r1', points: 100, code: 'C', balance_after: 0 })],
    });
    renderWithProviders(<RedeemDialog reward={reward} points_balance={100} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm redemption' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Try again.');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm redemption' }));
    await screen.findByTestId('voucher-code');
    expect(fake.calls[0].headers['Idempotency-Key']).toBe(fake.calls[1].headers['Idempotency-Key']);
  });

  it('explains insufficient points', async () => {
    serveFakeFetch({ 'POST /api/v1/me/redemptions': () => apiError(409, 'insufficient_points', 'Insufficient points.') });
    renderWithProviders(<RedeemDialog reward={reward} points_balance={100} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm redemption' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not have enough points');
  });
});
