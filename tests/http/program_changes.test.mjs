// Purchases read the program (tiers, rules, stores, products) from an
// in-memory cache; every committed catalog change must apply to the very next
// purchase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();

test('catalog changes apply to the next purchase', async () => {
  const program = await s.setupProgram(s.adminToken);
  const customer = await s.registerCustomer();
  const buy = (sku, quantity = 1) =>
    s.purchase({ token: s.adminToken }, customer.id, program.store.id, [{ sku, quantity }]);

  const first = await buy(program.products.coffee.sku);  // 1000 minor at 1 point per unit
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.points_earned, 10);

  const price = await s.api('PATCH', `/api/v1/admin/products/${program.products.coffee.id}`,
    { token: s.adminToken, body: { price_minor: 3000 } });
  assert.equal(price.status, 200, price.text);
  assert.equal((await buy(program.products.coffee.sku)).json.points_earned, 30, 'the new price counts at once');

  const rules = (await s.api('GET', '/api/v1/admin/earning-rules', { token: s.adminToken })).json.items;
  const base = rules.find((r) => r.kind === 'base_rate');
  const doubled = await s.api('PATCH', `/api/v1/admin/earning-rules/${base.id}`,
    { token: s.adminToken, body: { rate_milli: 2000 } });
  assert.equal(doubled.status, 200, doubled.text);
  assert.equal((await buy(program.products.coffee.sku)).json.points_earned, 60, 'the new rate counts at once');
  await s.api('PATCH', `/api/v1/admin/earning-rules/${base.id}`, { token: s.adminToken, body: { rate_milli: 1000 } });

  const fresh = await s.create(s.adminToken, 'products',
    { sku: `NEW-${Date.now()}`, name: 'New', category: 'goods', brand: 'B', price_minor: 500, currency: 'USD' });
  assert.equal((await buy(fresh.sku)).json.points_earned, 5, 'a product created a moment ago sells');

  const archived = await s.api('DELETE', `/api/v1/admin/products/${fresh.id}`, { token: s.adminToken });
  assert.equal(archived.status, 204);
  const refused = await buy(fresh.sku);
  assert.equal(refused.status, 400, `an archived product no longer sells: ${refused.text}`);
  assert.equal(refused.json.error.field, 'lines[0].sku');
});

test('GET /me reflects every write through the server at once (its cache is invalidated on commit)', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  const c = await s.registerCustomer('Cache Check');
  const balance = async () => (await s.api('GET', '/api/v1/me', { token: c.token })).json.account.points_balance;
  assert.equal(await balance(), 0);
  assert.equal(await balance(), 0, 'now cached');
  await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.tea.sku, quantity: 1 }]);
  assert.equal(await balance(), 20, 'a purchase');
  const redeemed = await s.api('POST', '/api/v1/me/redemptions', { token: c.token, body: { reward_id: program.reward.id } });
  assert.equal(redeemed.status, 201, redeemed.text);
  assert.equal(await balance(), 10, 'a redemption');
  await s.api('POST', `/api/v1/admin/customers/${c.id}/adjustments`, { token: s.adminToken, body: { points: 5, reason: 'goodwill' } });
  assert.equal(await balance(), 15, 'an adjustment');
  const renamed = await s.api('PATCH', '/api/v1/me', { token: c.token, body: { name: 'Renamed Customer' } });
  assert.equal(renamed.status, 200);
  assert.equal((await s.api('GET', '/api/v1/me', { token: c.token })).json.name, 'Renamed Customer', 'a profile change');
  const tiers = (await s.api('GET', '/api/v1/admin/tiers', { token: s.adminToken })).json.items;
  const bronze = tiers.find((t) => t.code === 'bronze');
  await s.api('PATCH', `/api/v1/admin/tiers/${bronze.id}`, { token: s.adminToken, body: { name: 'Copper' } });
  assert.equal((await s.api('GET', '/api/v1/me', { token: c.token })).json.account.tier.name, 'Copper', 'a program change');
  await s.api('PATCH', `/api/v1/admin/tiers/${bronze.id}`, { token: s.adminToken, body: { name: 'Bronze' } });
});
