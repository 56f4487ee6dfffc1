// A POS batch: each purchase commits or fails on its own, in one request; a
// refused one leaves nothing behind, whether it was refused on reading or
// half-way through recording (its savepoint is rolled back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();

function line(sku, quantity = 1) {
  return { sku, quantity };
}

test('a batch answers 207 with one result per purchase, and only the accepted ones are written', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  const member = await s.registerCustomer('Batch');
  const { tea, mug } = program.products;
  const purchase = (lines) => ({ customer: { id: member.id }, store_id: program.store.id, currency: 'USD', lines });
  const r = await s.api('POST', '/api/v1/pos/purchases/batch', {
    token: s.adminToken,
    body: {
      purchases: [
        purchase([line(tea.sku)]),
        purchase([line(mug.sku), line('NO-SUCH-SKU')]),  // refused while recording: the mug line must not stay
        purchase([]),                                     // refused on reading
        purchase([line(mug.sku, 2)]),
      ],
    },
  });
  assert.equal(r.status, 207, r.text);
  const results = r.json.results;
  assert.deepEqual(results.map((result) => result.index), [0, 1, 2, 3]);
  assert.equal(results[0].status, 201, JSON.stringify(results[0]));
  assert.equal(results[3].status, 201, JSON.stringify(results[3]));
  for (const refused of [results[1], results[2]]) {
    assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused));
    assert.equal(typeof refused.error.code, 'string');
    assert.equal(typeof refused.error.message, 'string');
  }
  assert.equal(results[2].error.field, 'purchases[2].lines');

  const written = await s.listAll(member.token, '/api/v1/me/transactions');
  assert.deepEqual(written.map((t) => t.id).sort(), [results[0].transaction_id, results[3].transaction_id].sort());
  const me = await s.api('GET', '/api/v1/me', { token: member.token });
  assert.equal(me.json.account.points_balance, results[0].points_earned + results[3].points_earned);
  const ledger = await s.listAll(member.token, '/api/v1/me/ledger');
  assert.equal(ledger.reduce((sum, entry) => sum + entry.points, 0), me.json.account.points_balance);
});

test('a batch over its bound is refused whole, naming the field', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  const member = await s.registerCustomer('Big batch');
  const one = { customer: { id: member.id }, store_id: program.store.id, currency: 'USD',
    lines: [line(program.products.tea.sku)] };
  const r = await s.api('POST', '/api/v1/pos/purchases/batch', {
    token: s.adminToken, body: { purchases: Array.from({ length: 1001 }, () => one) },
  });
  assert.ok(r.status >= 400 && r.status < 500, r.text);
  assert.equal(r.json.error.field, 'purchases');
  assert.deepEqual(await s.listAll(member.token, '/api/v1/me/transactions'), []);
});
