// Concurrent redemptions must never overspend a balance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRedemptionsNeverOverspend } from './concurrent-redemptions.mjs';
import { useServer, unique } from './harness.mjs';

const s = useServer();

test('16 concurrent redemptions against a balance covering 3: exactly 3 succeed', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 100 });
  const c = await s.registerCustomer();
  const buy = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 6 }]);
  assert.equal(buy.status, 201, buy.text);
  assert.equal(buy.json.balance_after, 300);

  const ok = await assertRedemptionsNeverOverspend({
    servers: [s], c, program, count: 16, balancesAfter: [0, 100, 200], keyPrefix: 'conc-',
  });
  assert.equal(new Set(ok.map((r) => r.json.code)).size, 3, 'redemption codes are distinct');

  const me = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_balance, 0);

  // Page through the ledger with a small page size to exercise cursors.
  const entries = [];
  let cursor = null;
  do {
    const r = await s.api('GET', `/api/v1/me/ledger?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: c.token });
    assert.equal(r.status, 200, r.text);
    entries.push(...r.json.items);
    cursor = r.json.next_cursor;
  } while (cursor && entries.length < 100);
  assert.equal(entries.length, 4);
  assert.equal(new Set(entries.map((e) => e.id)).size, 4, 'pages do not repeat entries');
  assert.equal(entries.reduce((a, e) => a + e.points, 0), 0);
  for (const e of entries) assert.ok(e.balance_after >= 0, `negative balance_after ${e.balance_after}`);

  const reds = await s.listAll(c.token, '/api/v1/me/redemptions');
  assert.equal(reds.length, 3);
});

test('concurrent replays of one Idempotency-Key earn once', async () => {
  const program = await s.setupProgram(s.adminToken);
  const c = await s.registerCustomer();
  const key = unique('same-');
  const results = await Promise.all(Array.from({ length: 8 }, () => s.purchase({ token: s.adminToken }, c.id,
    program.store.id, [{ sku: program.products.tea.sku, quantity: 1 }], { key })));
  for (const r of results) assert.equal(r.status, 201, r.text);
  assert.equal(new Set(results.map((r) => r.json.transaction_id)).size, 1);
  const me = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_balance, 20);
});
