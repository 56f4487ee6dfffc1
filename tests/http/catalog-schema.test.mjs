// One catalog schema (issue 15): GET /admin/catalog/schema is what the console
// builds its forms from, and every write under /admin/{resource} is checked
// against the same schema, so what it says is what the server does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();
const unique = (prefix) => `${prefix}${Date.now()}${Math.floor(Math.random() * 1e6)}`;

async function schema() {
  const r = await s.api('GET', '/api/v1/admin/catalog/schema', { token: s.adminToken });
  assert.equal(r.status, 200, r.text);
  return r.json.resources;
}

const fieldOf = (resources, resource, name) =>
  resources.find((r) => r.name === resource).fields.find((f) => f.name === name);

test('the schema names every resource with its fields, labels, bounds and choices', async () => {
  const resources = await schema();
  assert.deepEqual(resources.map((r) => r.name).sort(), ['earning-rules', 'products', 'rewards', 'stores', 'tiers']);
  assert.equal(resources.find((r) => r.name === 'products').unique_field, 'sku');
  const cost = fieldOf(resources, 'rewards', 'points_cost');
  assert.deepEqual({ kind: cost.kind, required: cost.required, min: cost.min, label: cost.label },
    { kind: 'integer', required: true, min: 1, label: 'Points cost' });
  const days = fieldOf(resources, 'rewards', 'voucher_valid_days');
  assert.deepEqual([days.min, days.max, days.nullable], [1, 3650, false]);
  const kind = fieldOf(resources, 'earning-rules', 'kind');
  assert.equal(kind.kind, 'choice');
  assert.ok(kind.choices.some((c) => c.value === 'base_rate' && c.label === 'Base rate'));
  assert.equal(fieldOf(resources, 'earning-rules', 'starts_at').kind, 'instant');
  assert.equal(fieldOf(resources, 'products', 'currency').kind, 'currency');
});

test('money is asked for in its currency: a product in its own, a tier and a spend threshold in the base currency', async () => {
  const resources = await schema();
  const price = fieldOf(resources, 'products', 'price_minor');
  assert.deepEqual([price.kind, price.currency], ['money', null]);
  const qualifying = fieldOf(resources, 'tiers', 'threshold_minor');
  assert.deepEqual([qualifying.kind, qualifying.currency, qualifying.min, qualifying.label],
    ['money', 'USD', 0, 'Qualifying spend']);
  const threshold = fieldOf(resources, 'earning-rules', 'threshold_minor');
  assert.deepEqual([threshold.kind, threshold.currency], ['money', 'USD']);
  const rate = fieldOf(resources, 'earning-rules', 'rate_milli');
  assert.deepEqual([rate.kind, rate.label], ['permille', 'Points per currency unit']);
  assert.deepEqual(rate.applies_when, { field: 'kind', values: ['base_rate'] }, 'the form asks for a rate only for a base rate');
  assert.deepEqual(threshold.applies_when, { field: 'kind', values: ['spend_threshold_bonus'] });
  const kinds = fieldOf(resources, 'earning-rules', 'kind').choices.map((c) => c.value);
  for (const field of resources.find((r) => r.name === 'earning-rules').fields.filter((f) => f.applies_when)) {
    assert.ok(field.applies_when.values.every((v) => kinds.includes(v)), `${field.name} applies to rule kinds that exist`);
  }
  assert.equal(fieldOf(resources, 'tiers', 'name').applies_when, null);
  // A new item's form starts from these: the column defaults, and the base currency for a product.
  assert.deepEqual([fieldOf(resources, 'rewards', 'voucher_valid_days').default, fieldOf(resources, 'tiers', 'multiplier_permille').default,
    fieldOf(resources, 'products', 'currency').default, fieldOf(resources, 'products', 'name').default], [90, 1000, 'USD', null]);
  assert.equal(fieldOf(resources, 'tiers', 'name').currency, null);
});

test('staff may read the schema; a customer may not', async () => {
  const customer = await s.registerCustomer();
  const r = await s.api('GET', '/api/v1/admin/catalog/schema', { token: customer.token });
  assert.equal(r.status, 403, r.text);
});

test('every bound the schema states is the bound a write meets, with the field named', async () => {
  const resources = await schema();
  for (const [resource, name] of [['rewards', 'voucher_valid_days'], ['rewards', 'points_cost'], ['tiers', 'multiplier_permille'], ['earning-rules', 'rate_milli']]) {
    const field = fieldOf(resources, resource, name);
    // Items no purchase reaches (the server is this file's own, but other tests here buy): a tier past any
    // spend, a bonus for a category no product has.
    const base = resource === 'rewards' ? { name: 'Bound', points_cost: 10 }
      : resource === 'tiers' ? { code: unique('T'), name: 'Bound', threshold_minor: 999_999_999_999 }
        : { name: 'Bound', kind: 'category_bonus', target: unique('no-such-category-') };
    const over = await s.api('POST', `/api/v1/admin/${resource}`, { token: s.adminToken, body: { ...base, [name]: field.max + 1 } });
    assert.equal(over.status, 400, `${resource}.${name} above ${field.max}: ${over.text}`);
    assert.equal(over.json.error.field, name);
    const under = await s.api('POST', `/api/v1/admin/${resource}`, { token: s.adminToken, body: { ...base, [name]: field.min - 1 } });
    assert.equal(under.status, 400, `${resource}.${name} below ${field.min}: ${under.text}`);
    const at = await s.api('POST', `/api/v1/admin/${resource}`, { token: s.adminToken, body: { ...base, [name]: field.min } });
    assert.equal(at.status, 201, `${resource}.${name} at ${field.min}: ${at.text}`);
    assert.equal(at.json[name], field.min);
  }
});

test('every field the schema calls nullable can be cleared with null and reads back empty; the others refuse null', async () => {
  const resources = await schema();
  const made = {
    products: { sku: unique('CLR-'), name: 'Clearable', category: 'c', brand: 'b', price_minor: 100, currency: 'USD' },
    stores: { code: unique('S'), name: 'Clearable' },
    tiers: { code: unique('T'), name: 'Clearable', threshold_minor: 999_999_999_999 },
    'earning-rules': { name: 'Clearable', kind: 'category_bonus', target: unique('no-such-category-'), bonus_points: 1 },
    rewards: { name: 'Clearable', description: 'd', terms: 't', points_cost: 10, stock: 3, per_customer_limit: 1 },
  };
  for (const resource of resources) {
    const item = await s.create(s.adminToken, resource.name, made[resource.name]);
    for (const field of resource.fields.filter((f) => f.nullable)) {
      const r = await s.api('PATCH', `/api/v1/admin/${resource.name}/${item.id}`, { token: s.adminToken, body: { [field.name]: null } });
      assert.equal(r.status, 200, `${resource.name}.${field.name} = null: ${r.text}`);
      const empty = ['text', 'long_text', 'choice', 'currency', 'references'].includes(field.kind) ? '' : null;
      assert.equal(r.json[field.name], empty, `${resource.name}.${field.name} reads back empty`);
    }
    // An optional number with a default (a multiplier, a bonus) is left out to keep it; null is no number.
    for (const field of resource.fields.filter((f) => !f.nullable && !f.required)) {
      const r = await s.api('PATCH', `/api/v1/admin/${resource.name}/${item.id}`, { token: s.adminToken, body: { [field.name]: null } });
      assert.equal(r.status, 400, `${resource.name}.${field.name} = null: ${r.text}`);
      assert.equal(r.json.error.field, field.name);
    }
  }
});

test('a choice outside the schema, a null where it is not allowed and a missing required field are refused', async () => {
  const rule = await s.api('POST', '/api/v1/admin/earning-rules', { token: s.adminToken, body: { name: 'Odd', kind: 'triple_points' } });
  assert.equal(rule.status, 400, rule.text);
  assert.equal(rule.json.error.field, 'kind');
  assert.match(rule.json.error.message, /base_rate/);
  const reward = await s.create(s.adminToken, 'rewards', { name: 'Mug', points_cost: 50 });
  const nulled = await s.api('PATCH', `/api/v1/admin/rewards/${reward.id}`, { token: s.adminToken, body: { voucher_valid_days: null } });
  assert.equal(nulled.status, 400, nulled.text);
  assert.equal(nulled.json.error.field, 'voucher_valid_days');
  const cleared = await s.api('PATCH', `/api/v1/admin/rewards/${reward.id}`, { token: s.adminToken, body: { stock: null } });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal(cleared.json.stock, null);
  const missing = await s.api('POST', '/api/v1/admin/stores', { token: s.adminToken, body: { name: 'No code' } });
  assert.equal(missing.status, 400, missing.text);
  assert.equal(missing.json.error.field, 'code');
  const unchanged = await s.api('GET', `/api/v1/admin/rewards/${reward.id}`, { token: s.adminToken });
  assert.equal(unchanged.json.voucher_valid_days, 90, 'the refused change wrote nothing');
});
