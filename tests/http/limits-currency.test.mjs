// Issue 12, findings 1 (overflow), 2 (currency) and 10 (time bounds): the
// same requests the attacker sent, against a real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.mjs';

const s = new Server();
let program; let key; let customer;

before(async () => {
  await s.start();
  s.adminToken = await s.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  program = await s.setupProgram(s.adminToken);
  const k = await s.api('POST', '/api/v1/admin/api-keys', { token: s.adminToken, body: { store_id: program.store.id, name: 'till' } });
  assert.equal(k.status, 201, k.text);
  key = k.json.key;
  customer = await s.registerCustomer('Limits Customer');
});
after(async () => { await s.stop(); });

const attackLines = (sku) => Array.from({ length: 500 }, () => ({ sku, quantity: 100000, unit_price_minor: 100000000000 }));
const tillPurchase = (body) => s.api('POST', '/api/v1/pos/purchases', { apiKey: key, body: { store_id: program.store.id, ...body } });
const rate = (currency, value) => s.api('PUT', `/api/v1/admin/currency-rates/${currency}`, { token: s.adminToken, body: { rate: value } });

test('the overflow attack is refused with 422 limit_exceeded and writes nothing; the reads keep working', async () => {
  assert.equal((await rate('JPY', '0.01')).status, 200);
  const sku = program.products.coffee.sku;
  for (const currency of ['USD', 'JPY', 'JPY']) {
    const r = await tillPurchase({ customer: { id: customer.id }, currency, lines: attackLines(sku) });
    assert.equal(r.status, 422, r.text);
    assert.equal(r.json.error.code, 'limit_exceeded');
    assert.equal(r.json.error.field, 'lines[0]');
  }
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.account.points_balance, 0);
  assert.deepEqual((await s.api('GET', '/api/v1/me/transactions', { token: customer.token })).json.items, []);
  const view = await s.api('GET', `/api/v1/admin/customers/${customer.id}`, { token: s.adminToken });
  assert.equal(view.status, 200, view.text);
  assert.equal(view.json.account.points_balance, 0);
});

// Runs `check` against a server of its own started with the limits in `env`,
// with an admin token, a program and a customer of it, and `buy(lines)` to
// record that customer's purchase at the program's store; stops the server after.
async function withLimits(env, check) {
  const bounded = new Server({ env });
  await bounded.start();
  try {
    const admin = await bounded.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const p = await bounded.setupProgram(admin);
    const c = await bounded.registerCustomer();
    const buy = (lines) => bounded.purchase({ token: admin }, c.id, p.store.id, lines);
    await check({ bounded, admin, c, buy, sku: p.products.coffee.sku });
  } finally {
    await bounded.stop();
  }
}

test('a purchase at the limit is recorded and one minor unit more is refused', async () => {
  await withLimits({ MAX_PURCHASE_TOTAL_MINOR: '100000', MAX_LINE_TOTAL_MINOR: '60000' }, async ({ bounded, c, buy, sku }) => {
    const atLimit = await buy([{ sku, quantity: 6, unit_price_minor: 10000 }, { sku, quantity: 4, unit_price_minor: 10000 }]);
    assert.equal(atLimit.status, 201, atLimit.text);
    assert.equal(atLimit.json.total_minor, 100000);
    const over = await buy([{ sku, quantity: 6, unit_price_minor: 10000 }, { sku, quantity: 4, unit_price_minor: 10000 }, { sku, quantity: 1, unit_price_minor: 1 }]);
    assert.equal(over.status, 422, over.text);
    assert.deepEqual([over.json.error.code, over.json.error.field], ['limit_exceeded', 'lines']);
    const lineOver = await buy([{ sku, quantity: 1, unit_price_minor: 60001 }]);
    assert.deepEqual([lineOver.status, lineOver.json.error.field], [422, 'lines[0]']);
    const txns = await bounded.listAll(c.token, '/api/v1/me/transactions');
    assert.equal(txns.length, 1, 'only the purchase at the limit was written');
  });
});

test('points per transaction and the balance have bounds; beyond them nothing is written', async () => {
  await withLimits({ MAX_POINTS_PER_TRANSACTION: '500', MAX_POINTS_BALANCE: '800' }, async ({ bounded, admin, c, buy: buyLines, sku }) => {
    // The coffee earns at the base rate: one point per 1.00 USD.
    const buy = (major) => buyLines([{ sku, quantity: 1, unit_price_minor: major * 100 }]);
    const tooMany = await buy(501);
    assert.deepEqual([tooMany.status, tooMany.json.error.code], [422, 'limit_exceeded']);
    assert.equal((await buy(500)).status, 201);
    assert.equal((await buy(300)).status, 201);  // balance 800, the limit
    const pastBalance = await buy(1);
    assert.deepEqual([pastBalance.status, pastBalance.json.error.code], [422, 'limit_exceeded']);
    const adjust = await bounded.api('POST', `/api/v1/admin/customers/${c.id}/adjustments`, { token: admin, body: { points: 1, reason: 'goodwill' } });
    assert.deepEqual([adjust.status, adjust.json.error.code], [422, 'limit_exceeded']);
    const me = await bounded.api('GET', '/api/v1/me', { token: c.token });
    assert.equal(me.json.account.points_balance, 800);
    const ledger = await bounded.listAll(c.token, '/api/v1/me/ledger');
    assert.equal(ledger.reduce((sum, e) => sum + e.points, 0), 800);
  });
});

test('the same value in USD, JPY and KWD earns the same points, and the rate used is stored', async () => {
  assert.equal((await rate('JPY', '0.01')).status, 200);
  assert.equal((await rate('KWD', '2.5')).status, 200);
  const c = await s.registerCustomer();
  const sku = program.products.coffee.sku;
  const earned = [];
  for (const [currency, amount] of [['USD', 10000], ['JPY', 10000], ['KWD', 40000]]) {
    const r = await tillPurchase({ customer: { id: c.id }, currency, lines: [{ sku, quantity: 1, unit_price_minor: amount }] });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.currency, 'USD');
    assert.equal(r.json.total_minor, 10000);
    earned.push(r.json.points_earned);
  }
  assert.deepEqual(earned, [100, 100, 100]);
  const txns = await s.listAll(c.token, '/api/v1/me/transactions');
  const originals = txns.map((t) => t.original).reverse();
  assert.deepEqual(originals, [null, { currency: 'JPY', total_minor: 10000, rate: '0.01' }, { currency: 'KWD', total_minor: 40000, rate: '2.5' }]);
});

test('a currency without a rate is refused with 422 unsupported_currency', async () => {
  const r = await tillPurchase({ customer: { id: customer.id }, currency: 'EUR', lines: [{ sku: program.products.tea.sku, quantity: 1 }] });
  assert.equal(r.status, 422, r.text);
  assert.deepEqual([r.json.error.code, r.json.error.field], ['unsupported_currency', 'currency']);
  const unknown = await tillPurchase({ customer: { id: customer.id }, currency: 'ABC', lines: [{ sku: program.products.tea.sku, quantity: 1 }] });
  assert.deepEqual([unknown.status, unknown.json.error.field], [400, 'currency']);
});

test('staff maintain currency rates: list, set, replace, remove, with validation', async () => {
  assert.equal((await rate('EUR', '1.08')).status, 200);
  const replaced = await rate('EUR', '1.1');
  assert.deepEqual([replaced.status, replaced.json.rate, replaced.json.minor_unit_exponent], [200, '1.1', 2]);
  const list = await s.api('GET', '/api/v1/admin/currency-rates', { token: s.adminToken });
  assert.equal(list.status, 200);
  assert.equal(list.json.base_currency, 'USD');
  assert.deepEqual(list.json.items.map((i) => [i.currency, i.rate]), [['EUR', '1.1'], ['JPY', '0.01'], ['KWD', '2.5']]);
  for (const [code, value, field] of [['EUR', 'abc', 'rate'], ['EUR', '0', 'rate'], ['EUR', '-1', 'rate'], ['USD', '1', 'currency'], ['XYZ', '1', 'currency']]) {
    const r = await rate(code, value);
    assert.deepEqual([r.status, r.json.error.field], [400, field], `${code} ${value}`);
  }
  const created = await s.api('POST', '/api/v1/admin/currency-rates', { token: s.adminToken, body: { currency: 'GBP', rate: '1.27' } });
  assert.deepEqual([created.status, created.json.id, created.json.rate], [201, 'GBP', '1.27']);
  const again = await s.api('POST', '/api/v1/admin/currency-rates', { token: s.adminToken, body: { currency: 'GBP', rate: '1.3' } });
  assert.deepEqual([again.status, again.json.error.code], [409, 'conflict']);
  const patched = await s.api('PATCH', '/api/v1/admin/currency-rates/GBP', { token: s.adminToken, body: { rate: '1.3' } });
  assert.deepEqual([patched.status, patched.json.rate], [200, '1.3']);
  assert.equal((await s.api('GET', '/api/v1/admin/currency-rates/GBP', { token: s.adminToken })).json.rate, '1.3');
  assert.equal((await s.api('PATCH', '/api/v1/admin/currency-rates/CHF', { token: s.adminToken, body: { rate: '1' } })).status, 404);
  assert.equal((await s.api('GET', '/api/v1/admin/currency-rates/CHF', { token: s.adminToken })).status, 404);
  assert.equal((await s.api('DELETE', '/api/v1/admin/currency-rates/GBP', { token: s.adminToken })).status, 204);
  const customerTry = await s.api('PUT', '/api/v1/admin/currency-rates/EUR', { token: customer.token, body: { rate: '2' } });
  assert.equal(customerTry.status, 403);
  assert.equal((await s.api('DELETE', '/api/v1/admin/currency-rates/EUR', { token: s.adminToken })).status, 204);
  assert.equal((await s.api('DELETE', '/api/v1/admin/currency-rates/EUR', { token: s.adminToken })).status, 404);
  const gone = await tillPurchase({ customer: { id: customer.id }, currency: 'EUR', lines: [{ sku: program.products.tea.sku, quantity: 1 }] });
  assert.equal(gone.json.error.code, 'unsupported_currency');
});

test('occurred_at is refused beyond 5 minutes ahead or 400 days back', async () => {
  const at = (seconds) => new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const buy = (occurred_at) => tillPurchase({ customer: { id: customer.id }, occurred_at, lines: [{ sku: program.products.tea.sku, quantity: 1 }] });
  const future = await buy(at(6 * 60));
  assert.deepEqual([future.status, future.json.error.field], [400, 'occurred_at']);
  assert.equal((await buy(at(4 * 60))).status, 201);
  const old = await buy(at(-401 * 86400));
  assert.deepEqual([old.status, old.json.error.field], [400, 'occurred_at']);
  assert.equal((await buy(at(-399 * 86400))).status, 201);
});
