import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { RecentActivity } from './RecentActivity';

afterEach(() => vi.unstubAllGlobals());

const at = '2026-12-02T01:03:00Z';
const LEDGER = {
  items: [
    { id: 'led_1', occurred_at: at, kind: 'redeem', points: -60, balance_after: 925, reference: 'red_0mx59i84aqqqnmrd14', reason: 'reward' },
    { id: 'led_2', occurred_at: at, kind: 'earn', points: 1, balance_after: 985, reference: 'txn_0mx59i84apvtqv9t8a', reason: 'purchase' },
  ],
  next_cursor: null,
};

describe('RecentActivity (home)', () => {
  it("names a redemption's reward from the member's redemptions and writes points with their unit", async () => {
    serveFakeFetch({
      'GET /api/v1/me/ledger': () => json(200, LEDGER),
      'GET /api/v1/me/redemptions': () =>
        json(200, { items: [{ id: 'red_0mx59i84aqqqnmrd14', reward_id: 'rwd_1', reward_name: 'Fresh croissant', points: 60, code: 'PTR-X', created_at: at }], next_cursor: null }),
    });
    renderWithProviders(<RecentActivity />);
    await waitFor(() => expect(document.body.textContent).toContain('Fresh croissant · Ref NMRD14'));
    expect(screen.getAllByTestId('ledger-points').map((e) => e.textContent)).toEqual(['\u221260 pts', '+1 pt']);
    expect(screen.getAllByTestId('ledger-balance').map((e) => e.textContent)).toEqual(['Balance 925 pts', 'Balance 985 pts']);
  });

  it('says "Reward redeemed" when the redemption cannot be named', async () => {
    serveFakeFetch({ 'GET /api/v1/me/ledger': () => json(200, LEDGER), 'GET /api/v1/me/redemptions': () => json(500, {}) });
    renderWithProviders(<RecentActivity />);
    expect(await screen.findByText('Reward redeemed · Ref NMRD14')).toBeTruthy();
  });
});
