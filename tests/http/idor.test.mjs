// Object-level authorization: customers see only their own data; store API keys act only for their store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, unique } from './harness.mjs';

const s = useServer();
let program, store2, A, B, txA, txB, txB2, redB, key1;

test('setup: two customers with purchases and redemptions in two stores', async () => {
  program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  store2 = await s.create(s.adminToken, 'stores', { code: unique('S2-'), name: 'Second store' });
  A = await s.registerCustomer('Alice');
  B = await s.registerCustomer('Bob');
  const { tea, mug } = program.products;
  txA = (await s.purchase({ token: s.adminToken }, A.id, program.store.id, [{ sku: tea.sku, quantity: 1 }])).json;
  txB = (await s.purchase({ token: s.adminToken }, B.id, program.store.id, [{ sku: mug.sku, quantity: 1 }])).json;
  const b2 = await s.purchase({ token: s.adminToken }, B.id, store2.id, [{ sku: mug.sku, quantity: 1 }]);
  assert.equal(b2.status, 201, b2.text);
  txB2 = b2.json;
  const red = await s.api('POST', '/api/v1/me/redemptions', { token: B.token, body: { reward_id: program.reward.id } });
  assert.equal(red.status, 201, red.text);
  redB = red.json;
  const k = await s.api('POST', '/api/v1/admin/api-keys', { token: s.adminToken, body: { store_id: program.store.id, name: 'till 1' } });
  assert.equal(k.status, 201, k.text);
  assert.match(k.json.key, /^pk_/);
  assert.equal(k.json.store_id, program.store.id);
  key1 = k.json.key;
});

test("A's lists contain only A's data", async () => {
  const txns = await s.listAll(A.token, '/api/v1/me/transactions');
  assert.deepEqual(txns.map((t) => t.id), [txA.transaction_id]);
  const ledger = await s.listAll(A.token, '/api/v1/me/ledger');
  assert.ok(ledger.length >= 1);
  for (const e of ledger) assert.equal(e.reference, txA.transaction_id);
  const reds = await s.listAll(A.token, '/api/v1/me/redemptions');
  assert.ok(!reds.some((r) => r.id === redB.id));
  assert.equal(reds.length, 0);
  const me = await s.api('GET', '/api/v1/me', { token: A.token });
  assert.equal(me.json.id, A.id);
  assert.equal(me.json.account.points_balance, txA.points_earned);
});

test("A cannot open B's 360 view nor return B's transaction", async () => {
  const view = await s.api('GET', `/api/v1/admin/customers/${B.id}`, { token: A.token });
  assert.equal(view.status, 403);
  assert.ok(!view.text.includes(B.email));
  const ret = await s.api('POST', '/api/v1/pos/returns', { token: A.token,
    body: { transaction_id: txB.transaction_id, lines: [{ sku: program.products.mug.sku, quantity: 1 }] } });
  assert.equal(ret.status, 403);
  const adj = await s.api('POST', `/api/v1/admin/customers/${A.id}/adjustments`, { token: A.token, body: { points: 1000, reason: 'x' } });
  assert.equal(adj.status, 403);
  const bView = await s.api('GET', '/api/v1/me', { token: B.token });
  assert.equal(bView.json.account.points_balance, txB.points_earned + txB2.points_earned - 10);
});

test('a store API key acts only for its own store', async () => {
  const own = await s.purchase({ apiKey: key1 }, A.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(own.status, 201, own.text);
  const defaulted = await s.api('POST', '/api/v1/pos/purchases', { apiKey: key1,
    body: { customer: { id: A.id }, lines: [{ sku: program.products.coffee.sku, quantity: 1 }] } });
  assert.equal(defaulted.status, 201, defaulted.text);

  const other = await s.purchase({ apiKey: key1 }, B.id, store2.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(other.status, 403);
  assert.equal(other.json.error.code, 'forbidden');

  const ret = await s.api('POST', '/api/v1/pos/returns', { apiKey: key1,
    body: { transaction_id: txB2.transaction_id, lines: [{ sku: program.products.mug.sku, quantity: 1 }] } });
  assert.equal(ret.status, 404, ret.text);
  assert.equal(ret.json.error.code, 'not_found');

  const ownReturn = await s.api('POST', '/api/v1/pos/returns', { apiKey: key1,
    body: { transaction_id: txB.transaction_id, lines: [{ sku: program.products.mug.sku, quantity: 1 }] } });
  assert.equal(ownReturn.status, 201, ownReturn.text);

  const adminRoute = await s.api('GET', '/api/v1/admin/customers', { apiKey: key1 });
  assert.ok([401, 403].includes(adminRoute.status), `api key on admin route: ${adminRoute.status}`);
  const bogus = await s.purchase({ apiKey: 'pk_not_a_key' }, A.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(bogus.status, 401);
});

test('a revoked API key is refused at once, even one the server has just seen', async () => {
  const k = await s.api('POST', '/api/v1/admin/api-keys', { token: s.adminToken, body: { store_id: program.store.id } });
  assert.equal(k.status, 201);
  const used = await s.purchase({ apiKey: k.json.key }, A.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(used.status, 201, 'the key works (and the server now knows it)');
  const del = await s.api('DELETE', `/api/v1/admin/api-keys/${k.json.id}`, { token: s.adminToken });
  assert.equal(del.status, 204);
  const r = await s.purchase({ apiKey: k.json.key }, A.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(r.status, 401);
});
