// An earning rule restricted to stores: it names stores that exist (the
// console ticks them; no id is typed), and a purchase earns it only there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();
const unique = (prefix) => `${prefix}${Date.now()}${Math.floor(Math.random() * 1e6)}`;
let program;
let elsewhere;
let product;

test('setup: two stores and a bonus rule for one of them', async () => {
  program = await s.setupProgram(s.adminToken);
  elsewhere = await s.create(s.adminToken, 'stores', { code: unique('ELSE-'), name: 'Elsewhere' });
  const category = unique('cat-');
  product = await s.create(s.adminToken, 'products', { sku: unique('SB-'), name: 'Bonus item', category, price_minor: 1000, currency: 'USD' });
  // Spaces around the ids are the typist's, not part of them.
  const rule = await s.create(s.adminToken, 'earning-rules', {
    name: 'Home store bonus', kind: 'category_bonus', target: category, bonus_points: 50, store_ids: ` ${program.store.id} , `,
  });
  assert.equal(rule.store_ids, program.store.id);
});

test('a store-restricted rule pays in its store and nowhere else', async () => {
  const c = await s.registerCustomer();
  const line = [{ sku: product.sku, quantity: 1 }];
  const home = await s.purchase({ token: s.adminToken }, c.id, program.store.id, line);
  assert.equal(home.status, 201, home.text);
  const away = await s.purchase({ token: s.adminToken }, c.id, elsewhere.id, line);
  assert.equal(away.status, 201, away.text);
  assert.equal(home.json.points_earned - away.json.points_earned, 50, `home ${home.text}\naway ${away.text}`);
});

test('a rule may name only stores that exist, at most 100 of them', async () => {
  const unknown = await s.api('POST', '/api/v1/admin/earning-rules', {
    token: s.adminToken, body: { name: 'Ghost', kind: 'base_rate', rate_milli: 1000, store_ids: `${program.store.id},sto_nosuchstore` },
  });
  assert.equal(unknown.status, 400, unknown.text);
  assert.equal(unknown.json.error.field, 'store_ids');
  assert.match(unknown.json.error.message, /sto_nosuchstore/);
  const many = Array.from({ length: 101 }, () => program.store.id).join(',');
  const tooMany = await s.api('POST', '/api/v1/admin/earning-rules', { token: s.adminToken, body: { name: 'Many', kind: 'base_rate', store_ids: many } });
  assert.equal(tooMany.status, 400, tooMany.text);
  assert.equal(tooMany.json.error.field, 'store_ids');
  const rules = await s.listAll(s.adminToken, '/api/v1/admin/earning-rules');
  assert.ok(!rules.some((r) => r.name === 'Ghost' || r.name === 'Many'), 'a refused rule is not stored');
});

test('the schema offers the stores to pick from', async () => {
  const r = await s.api('GET', '/api/v1/admin/catalog/schema', { token: s.adminToken });
  const field = r.json.resources.find((x) => x.name === 'earning-rules').fields.find((f) => f.name === 'store_ids');
  assert.deepEqual([field.kind, field.references, field.label], ['references', 'stores', 'Stores']);
});
