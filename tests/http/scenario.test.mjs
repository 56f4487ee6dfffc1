// End-to-end loyalty journey: earn (idempotent), redeem, partial and full return, tier upgrade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, unique } from './harness.mjs';

const s = useServer();
let program, customer, p1, key;

test('setup program and customer', async () => {
  program = await s.setupProgram(s.adminToken, { rewardCost: 100 });
  customer = await s.registerCustomer();
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.status, 200);
  assert.equal(me.json.account.points_balance, 0);
  assert.equal(me.json.account.tier.code, 'bronze');
});

test('purchase with Idempotency-Key earns points once; replay returns the same answer', async () => {
  const { coffee, mug } = program.products;
  key = unique('idem-');
  const lines = [{ sku: coffee.sku, quantity: 2 }, { sku: mug.sku, quantity: 4 }]; // 2000 + 20000 minor
  const first = await s.purchase({ token: s.adminToken }, customer.id, program.store.id, lines, { key });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.points_earned, 220);
  assert.equal(first.json.balance_after, 220);
  assert.equal(first.json.customer_id, customer.id);
  assert.equal(first.json.tier.code, 'bronze');
  assert.ok(Array.isArray(first.json.applied) && first.json.applied.length >= 1);
  p1 = first.json;

  const replay = await s.purchase({ token: s.adminToken }, customer.id, program.store.id, lines, { key });
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(replay.json, first.json);

  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.json.account.points_balance, 220, 'replay must not earn twice');
  const txns = await s.api('GET', '/api/v1/me/transactions', { token: customer.token });
  assert.equal(txns.json.items.length, 1);

  const conflict = await s.purchase({ token: s.adminToken }, customer.id, program.store.id,
    [{ sku: coffee.sku, quantity: 1 }], { key });
  assert.equal(conflict.status, 409);
  assert.equal(conflict.json.error.code, 'conflict');
  const after = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(after.json.account.points_balance, 220);
});

test('redeem a reward; ledger shows earn and redeem', async () => {
  const rewards = await s.api('GET', '/api/v1/rewards', { token: customer.token });
  assert.equal(rewards.status, 200);
  assert.ok(rewards.json.items.some((r) => r.id === program.reward.id && r.points_cost === 100));
  const r = await s.api('POST', '/api/v1/me/redemptions', {
    token: customer.token, body: { reward_id: program.reward.id }, headers: { 'idempotency-key': unique('red-') },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.reward_id, program.reward.id);
  assert.equal(r.json.points, 100);
  assert.equal(r.json.balance_after, 120);
  assert.ok(r.json.code && r.json.id && r.json.created_at);

  const ledger = await s.listAll(customer.token, '/api/v1/me/ledger');
  const kinds = ledger.map((e) => e.kind).sort();
  assert.deepEqual(kinds, ['earn', 'redeem']);
  const earn = ledger.find((e) => e.kind === 'earn');
  const redeem = ledger.find((e) => e.kind === 'redeem');
  assert.equal(earn.points, 220);
  assert.equal(earn.reference, p1.transaction_id);
  assert.equal(redeem.points, -100);
  assert.equal(redeem.balance_after, 120);
  assert.equal(redeem.reward_name, program.reward.name, 'a redemption names the reward it bought');
  assert.equal(earn.reward_name, null, 'other entries name none');

  // Staff may not list a member's redemptions; the 360° view's ledger names the reward itself.
  const view = await s.api('GET', `/api/v1/admin/customers/${customer.id}`, { token: s.adminToken });
  assert.equal(view.status, 200, view.text);
  assert.equal(view.json.ledger.find((e) => e.kind === 'redeem').reward_name, program.reward.name);

  const mine = await s.api('GET', '/api/v1/me/redemptions', { token: customer.token });
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.json.items.map((x) => x.id), [r.json.id]);
});

test('crossing the silver threshold upgrades the tier; tier_progress reports the next tier', async () => {
  const { mug } = program.products;
  const r = await s.purchase({ token: s.adminToken }, customer.id, program.store.id, [{ sku: mug.sku, quantity: 10 }],
    { key: unique('idem-') });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.points_earned, 500);
  assert.equal(r.json.balance_after, 620);
  assert.equal(r.json.tier.code, 'silver');
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  const acct = me.json.account;
  assert.equal(acct.points_balance, 620);
  assert.equal(acct.tier.code, 'silver');
  assert.equal(acct.tier_progress.qualifying_spend, 72000);
  assert.equal(acct.tier_progress.currency, 'USD');
  assert.equal(acct.tier_progress.next_tier.code, 'gold');
  assert.equal(acct.tier_progress.remaining_spend, 150000 - 72000);
});

test('partial return reverses proportionally; full return reverses everything earned', async () => {
  const { coffee, mug } = program.products;
  const half = await s.api('POST', '/api/v1/pos/returns', {
    token: s.adminToken, headers: { 'idempotency-key': unique('ret-') },
    body: { transaction_id: p1.transaction_id, lines: [{ sku: mug.sku, quantity: 2 }] },
  });
  assert.equal(half.status, 201, half.text);
  assert.equal(half.json.amount_minor, 10000);
  assert.equal(half.json.points_reversed, 100); // 10000 / 22000 of 220 points
  assert.equal(half.json.balance_after, 520);
  assert.ok(half.json.return_id);

  const txPartial = (await s.listAll(customer.token, '/api/v1/me/transactions')).find((t) => t.id === p1.transaction_id);
  assert.notEqual(txPartial.status, 'returned');

  const rest = await s.api('POST', '/api/v1/pos/returns', {
    token: s.adminToken, headers: { 'idempotency-key': unique('ret-') },
    body: { transaction_id: p1.transaction_id, lines: [{ sku: mug.sku, quantity: 2 }, { sku: coffee.sku, quantity: 2 }] },
  });
  assert.equal(rest.status, 201, rest.text);
  assert.equal(rest.json.amount_minor, 12000);
  assert.equal(half.json.points_reversed + rest.json.points_reversed, p1.points_earned);
  assert.equal(rest.json.balance_after, 620 - 220);

  const over = await s.api('POST', '/api/v1/pos/returns', {
    token: s.adminToken, body: { transaction_id: p1.transaction_id, lines: [{ sku: coffee.sku, quantity: 1 }] },
  });
  assert.ok(over.status >= 400 && over.status < 500, `returning more than bought must fail, got ${over.status}`);

  const tx = (await s.listAll(customer.token, '/api/v1/me/transactions')).find((t) => t.id === p1.transaction_id);
  assert.equal(tx.status, 'returned');
  assert.equal(tx.points_earned, 220);
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.json.account.points_balance, 400);
  const ledger = await s.listAll(customer.token, '/api/v1/me/ledger');
  assert.equal(ledger.filter((e) => e.kind === 'reverse').length, 2);
  assert.equal(ledger.reduce((a, e) => a + e.points, 0), 400);
});
