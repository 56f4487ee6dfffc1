import { describe, expect, it } from 'vitest';
import { netPoints, storeLabel, transactionStatus } from './transaction-text';

describe('transaction text', () => {
  it('says statuses in words, never the enum', () => {
    expect(transactionStatus('completed')).toBeNull();
    expect(transactionStatus('partially_returned')?.label).toBe('Partly returned');
    expect(transactionStatus('PARTIALLY_RETURNED')?.label).toBe('Partly returned');
    expect(transactionStatus('returned')?.label).toBe('Returned');
    expect(transactionStatus('on_hold')?.label).toBe('On hold');
    expect(transactionStatus(undefined)).toBeNull();
  });

  it('counts a purchase at its points after returns', () => {
    expect(netPoints({ points_earned: 50, points_reversed: 20 })).toBe(30);
    expect(netPoints({ points_earned: 10, points_reversed: 15 })).toBe(0);
  });

  it('names the store, never its id', () => {
    expect(storeLabel({ store_name: 'Patron Market Central' })).toBe('Patron Market Central');
    expect(storeLabel({ store_name: null })).toBe('In store');
  });
});
