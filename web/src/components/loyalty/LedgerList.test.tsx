import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LedgerList, ledgerReference } from './LedgerList';
import { TransactionList } from './TransactionList';

const at = '2026-11-30T10:00:00Z';

describe('LedgerList', () => {
  it('names what an entry refers to by a short reference, never the id', () => {
    render(
      <LedgerList
        entries={[
          { id: 'led_1', occurred_at: at, kind: 'earn', points: 29, balance_after: 29, reference: 'txn_0m3k2x9qabc4f2a9c', reason: 'purchase', reward_name: null },
          { id: 'led_2', occurred_at: at, kind: 'redeem', points: -5, balance_after: 24, reference: 'red_0m3k2x9qab9qx2ab', reason: 'reward', reward_name: null },
        ]}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('Purchase · Ref\u00a04F2A9C');
    expect(text).toContain('Reward redeemed · Ref\u00a09QX2AB');
    expect(text).not.toMatch(/txn_|red_|led_|purchase”|reward”/);
  });

  it("names the reward a redemption bought, as the entry gives it, and every amount in points with its unit", () => {
    render(
      <LedgerList
        entries={[
          { id: 'led_1', occurred_at: at, kind: 'redeem', points: -60, balance_after: 925, reference: 'red_0m3k2x9qabnmrd14', reason: 'reward', reward_name: 'Fresh croissant' },
          { id: 'led_2', occurred_at: at, kind: 'earn', points: 9, balance_after: 985, reference: 'txn_0m3k2x9qabdpy93a', reason: 'purchase', reward_name: null },
          { id: 'led_3', occurred_at: at, kind: 'earn', points: 1, balance_after: 1, reference: 'txn_0m3k2x9qabqv9t8a', reason: 'purchase', reward_name: null },
        ]}
      />,
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows[0].textContent).toContain('Fresh croissant · Ref\u00a0NMRD14');
    expect(screen.getAllByTestId('ledger-points').map((e) => e.textContent)).toEqual(['\u221260 pts', '+9 pts', '+1 pt']);
    expect(screen.getAllByTestId('ledger-balance').map((e) => e.textContent)).toEqual(['Balance 925 pts', 'Balance 985 pts', 'Balance 1 pt']);
    expect(ledgerReference('red_0m3k2x9qabnmrd14', null)).toBe('Reward redeemed · Ref\u00a0NMRD14');
    expect(ledgerReference('red_0m3k2x9qabnmrd14', '  ')).toBe('Reward redeemed · Ref\u00a0NMRD14');
  });

  it("shows staff an adjustment's reason only", () => {
    render(<LedgerList showIds entries={[{ id: 'led_3', occurred_at: at, kind: 'adjust', points: 10, balance_after: 10, reference: null, reason: 'Goodwill', reward_name: null }]} />);
    expect(screen.getByText('“Goodwill”')).toBeTruthy();
    expect(ledgerReference(null)).toBeNull();
  });
});

describe('TransactionList', () => {
  it("shows the store's name, the reference, the status in words and the net points", () => {
    render(
      <TransactionList
        transactions={[
          {
            id: 'txn_0m3k2x9qabc4f2a9c',
            occurred_at: at,
            store_id: 'sto_0m3k2x9qzzzzzz',
            store_name: 'Roastery on Main Street',
            external_id: null,
            channel: 'pos',
            total_minor: 2900,
            returned_minor: 400,
            currency: 'USD',
            points_earned: 29,
            points_reversed: 4,
            status: 'partially_returned',
            lines: [{ sku: 'CROISSANT-1', name: 'Butter croissant', quantity: 1, unit_price_minor: 400, returned_quantity: 1 }],
          },
        ]}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('Roastery on Main Street');
    expect(text).toContain('Ref 4F2A9C');
    expect(text).toContain('Partly returned');
    expect(screen.getByTestId('tx-points').textContent).toBe('+25 pts');
    expect(screen.getByTestId('tx-points-detail').textContent).toBe('$4.00 returned · 4 of 29 pts taken back');
    expect(text).not.toMatch(/txn_|sto_|partially_returned|CROISSANT-1/);
  });

  it('writes one point in the singular', () => {
    render(
      <TransactionList
        transactions={[
          { id: 'txn_0m3k2x9qabqv9t8a', occurred_at: at, store_id: 'sto_0m3k2x9qzzzzzz', store_name: 'Main St', external_id: null, channel: 'pos', total_minor: 150, returned_minor: 0, currency: 'USD', points_earned: 1, points_reversed: 0, status: 'completed', lines: [] },
        ]}
      />,
    );
    expect(screen.getByTestId('tx-points').textContent).toBe('+1 pt');
  });
});
