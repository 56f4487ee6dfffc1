import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { RecentActivity } from './RecentActivity';

afterEach(() => vi.unstubAllGlobals());

const at = '2026-12-02T01:03:00Z';
const LEDGER = {
  items: [
    { id: 'led_1', occurred_at: at, kind: 'redeem', points: -60, balance_after: 925, reference: 'red_0mx59i84aqqqnmrd14', reason: 'reward', reward_name: 'Fresh croissant' },
    { id: 'led_2', occurred_at: at, kind: 'earn', points: 1, balance_after: 985, reference: 'txn_0mx59i84apvtqv9t8a', reason: 'purchase', reward_name: null },
  ],
  next_cursor: null,
};

describe('RecentActivity (home)', () => {
  it("names a redemption's reward as its ledger entry gives it, reading nothing else, and writes points with their unit", async () => {
    const calls = serveFakeFetch({ 'GET /api/v1/me/ledger': () => json(200, LEDGER) });
    renderWithProviders(<RecentActivity />);
    await waitFor(() => expect(document.body.textContent).toContain('Fresh croissant · Ref\u00a0NMRD14'));
    expect(calls.calls.map((c) => c.url.split('?')[0])).toEqual(['/api/v1/me/ledger']);
    expect(screen.getAllByTestId('ledger-points').map((e) => e.textContent)).toEqual(['\u221260 pts', '+1 pt']);
    expect(screen.getAllByTestId('ledger-balance').map((e) => e.textContent)).toEqual(['Balance 925 pts', 'Balance 985 pts']);
  });

  it('says "Reward redeemed" when the entry names no reward', async () => {
    const unnamed = { ...LEDGER, items: LEDGER.items.map((e) => ({ ...e, reward_name: null })) };
    serveFakeFetch({ 'GET /api/v1/me/ledger': () => json(200, unnamed) });
    renderWithProviders(<RecentActivity />);
    expect(await screen.findByText('Reward redeemed · Ref NMRD14')).toBeTruthy();
  });
});
