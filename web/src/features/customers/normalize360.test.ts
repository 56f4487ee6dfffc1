import { describe, expect, it } from 'vitest';
import { normalize360 } from './api/customers';

describe('normalize360', () => {
  it('keeps analytics fields only when present', () => {
    const view = normalize360({ profile: { id: 'c1', email: 'a@b.c', name: 'A', card_number: '1' }, account: { points_balance: 5 }, transactions: { items: [] }, ledger: [], preferences: {}, feedback: [], segment: null });
    expect('segment' in view).toBe(false);
    expect('clv' in view).toBe(false);
    expect(view.account?.points_balance).toBe(5);
  });

  it('reads a flat answer with recent_* lists', () => {
    const view = normalize360({ id: 'c2', email: 'x@y.z', name: 'X', card_number: '2', recent_transactions: [{ id: 't1' }], recent_feedback: [{ id: 'f1' }], clv: 1234, p_alive: 0.8 });
    expect(view.profile.id).toBe('c2');
    expect(view.transactions).toHaveLength(1);
    expect(view.feedback).toHaveLength(1);
    expect(view.clv).toBe(1234);
    expect(view.p_alive).toBe(0.8);
  });
});
