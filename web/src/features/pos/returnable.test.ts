import { describe, expect, it } from 'vitest';
import type { Transaction } from '@/types/loyalty';
import { returnableBySku, returnableLines, returnRequestLines } from './returnable';

const txn: Transaction = {
  id: 'txn_1', occurred_at: '2026-11-30T10:00:00Z', store_id: 'sto_1', external_id: null, channel: 'pos', total_minor: 5000, returned_minor: 3000,
  currency: 'USD', points_earned: 50, points_reversed: 30, status: 'partially_returned',
  lines: [
    { sku: 'COF', name: 'Coffee', quantity: 3, unit_price_minor: 1000, returned_quantity: 1 },
    { sku: 'MUG', name: 'Mug', quantity: 1, unit_price_minor: 2000, returned_quantity: 1 },
  ],
};

describe('returnable lines', () => {
  it('leaves out what was returned already', () => {
    expect(returnableLines(txn)).toEqual([{ sku: 'COF', name: 'Coffee', unit_price_minor: 1000, returnable: 2 }]);
    expect(returnableBySku(txn)).toEqual({ COF: 2 });
  });
  it('sends only chosen quantities above zero', () => {
    expect(returnRequestLines({ COF: 2, MUG: 0, TEA: 1.5 })).toEqual([{ sku: 'COF', quantity: 2 }]);
  });
});
