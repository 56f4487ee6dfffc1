// Issue 16, the member portal's server side: purchases name their store
// (`store_name`), the next tier names its multiplier, and GET /catalog/facets
// gives customers the categories and brands the catalog sells (their
// preferences' suggestions), never prices or ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, unique } from './harness.mjs';

const s = useServer();
let program, customer, purchase;

test('setup: a program, a customer and a purchase', async () => {
  program = await s.setupProgram(s.adminToken);
  customer = await s.registerCustomer('Grace');
  const r = await s.purchase({ token: s.adminToken }, customer.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 2 }]);
  assert.equal(r.status, 201, r.text);
  purchase = r.json;
});

test("a customer's purchases name their store beside its id", async () => {
  const r = await s.api('GET', '/api/v1/me/transactions', { token: customer.token });
  assert.equal(r.status, 200, r.text);
  const [txn] = r.json.items;
  assert.equal(txn.id, purchase.transaction_id);
  assert.equal(txn.store_id, program.store.id);
  assert.equal(txn.store_name, program.store.name);
  assert.equal(txn.points_reversed, 0);
});

test("the 360° view's purchases name their store too", async () => {
  const r = await s.api('GET', `/api/v1/admin/customers/${customer.id}`, { token: s.adminToken });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.recent_transactions[0].store_name, program.store.name);
});

test('after a partial return the purchase says so, with its points reversed', async () => {
  const ret = await s.api('POST', '/api/v1/pos/returns', { token: s.adminToken, headers: { 'idempotency-key': unique('ret') },
    body: { transaction_id: purchase.transaction_id, lines: [{ sku: program.products.coffee.sku, quantity: 1 }] } });
  assert.equal(ret.status, 201, ret.text);
  const [txn] = (await s.api('GET', '/api/v1/me/transactions', { token: customer.token })).json.items;
  assert.equal(txn.status, 'partially_returned');
  assert.equal(txn.points_reversed, ret.json.points_reversed);
  assert.ok(txn.points_earned - txn.points_reversed >= 0);
});

test('GET /me names the next tier with its multiplier', async () => {
  const r = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(r.status, 200, r.text);
  const next = r.json.account.tier_progress.next_tier;
  assert.equal(typeof next.name, 'string');
  assert.equal(typeof next.multiplier, 'number');
});

test('GET /catalog/facets: distinct categories and brands of active products, sorted', async () => {
  const archived = await s.create(s.adminToken, 'products', { sku: unique('OLD-'), name: 'Old', category: 'zz-archived-cat', brand: 'zz-archived-brand', price_minor: 100, currency: 'USD' });
  const del = await s.api('DELETE', `/api/v1/admin/products/${archived.id}`, { token: s.adminToken });
  assert.ok([200, 204].includes(del.status), del.text);
  const r = await s.api('GET', '/api/v1/catalog/facets', { token: customer.token });
  assert.equal(r.status, 200, r.text);
  for (const category of ['coffee', 'tea', 'goods']) assert.ok(r.json.categories.includes(category), r.text);
  for (const brand of ['Bean', 'Leaf', 'Clay']) assert.ok(r.json.brands.includes(brand), r.text);
  assert.deepEqual(r.json.categories, [...new Set(r.json.categories)].sort());
  assert.ok(!r.json.categories.includes('zz-archived-cat'));
  assert.ok(!r.json.brands.includes(''));
  assert.deepEqual(Object.keys(r.json).sort(), ['brands', 'categories']);
});

test('GET /catalog/facets is for signed-in customers', async () => {
  assert.equal((await s.api('GET', '/api/v1/catalog/facets')).status, 401);
});
