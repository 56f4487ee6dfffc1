// The online shop (issue 17), its checkout: Checkout Sessions made through a
// local stand-in for Stripe's API (its requests checked), Stripe's failures as
// clear errors, the catalog as the portal reads it, and the shop without keys.
// Stripe's webhooks: shop-webhooks.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Server, unique } from './harness.mjs';
import { SECRET_KEY, completedEvent, signed, useShopServer } from './stripe-stand-in.mjs';

let s;
let program;
const { standIn } = useShopServer((shop) => {
  s = shop.server;
  program = shop.program;
});

async function checkout(customer, lines, headers = {}) {
  return s.api('POST', '/api/v1/shop/checkout', { token: customer.token, body: { lines }, headers });
}

describe('checkout through Stripe', () => {
  test('prices the lines from the catalog and sends Stripe a form-encoded session with an Idempotency-Key', async () => {
    const customer = await s.registerCustomer();
    const before = standIn.requests.length;
    const r = await checkout(customer, [{ sku: program.products.coffee.sku, quantity: 2, unit_price_minor: 1 },
                                        { sku: program.products.tea.sku, quantity: 1 }], { origin: 'http://shop.example:8080' });
    assert.equal(r.status, 201, r.text);
    assert.match(r.json.session_id, /^cs_test_/);
    assert.equal(r.json.checkout_url, `https://checkout.stripe.test/c/pay/${r.json.session_id}`);
    assert.equal(r.json.total_minor, 2 * 1000 + 2000, 'the client cannot set a price');
    assert.equal(standIn.requests.length, before + 1);
    const sent = standIn.requests.at(-1);
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/v1/checkout/sessions');
    assert.equal(sent.headers.authorization, `Bearer ${SECRET_KEY}`);
    assert.equal(sent.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.match(sent.headers['idempotency-key'], /^chk_[0-9a-z]{21}$/);  // a new id per checkout without a client key
    const form = new URLSearchParams(sent.body);
    assert.equal(form.get('mode'), 'payment');
    assert.equal(form.get('client_reference_id'), customer.id);
    assert.equal(form.get('metadata[customer_id]'), customer.id);
    assert.equal(form.get('metadata[checkout_id]'), sent.headers['idempotency-key']);
    assert.equal(form.get('customer_email'), customer.email);
    assert.equal(form.get('success_url'), 'http://shop.example:8080/shop/success?session_id={CHECKOUT_SESSION_ID}');
    assert.equal(form.get('cancel_url'), 'http://shop.example:8080/shop/cancel');
    assert.equal(form.get('line_items[0][price_data][currency]'), 'usd');
    assert.equal(form.get('line_items[0][price_data][unit_amount]'), '1000');
    assert.equal(form.get('line_items[0][price_data][product_data][name]'), 'Coffee');
    assert.equal(form.get('line_items[0][quantity]'), '2');
    assert.equal(form.get('line_items[1][price_data][unit_amount]'), '2000');
    assert.equal(form.get('line_items[1][quantity]'), '1');
    assert.equal(form.get('line_items[2][quantity]'), null);
    assert.ok(!sent.body.includes(' '), 'form-encoded: no raw spaces');

    const status = await s.api('GET', `/api/v1/shop/checkout/${r.json.session_id}`, { token: customer.token });
    assert.equal(status.status, 200, status.text);
    assert.equal(status.json.status, 'open');
    const other = await s.registerCustomer();
    assert.equal((await s.api('GET', `/api/v1/shop/checkout/${r.json.session_id}`, { token: other.token })).status, 404);
  });

  test('a retry under the same Idempotency-Key reaches Stripe under one key and is answered the same', async () => {
    const customer = await s.registerCustomer();
    const lines = [{ sku: program.products.tea.sku, quantity: 3 }];
    const key = unique('k');
    const first = await checkout(customer, lines, { 'idempotency-key': key });
    assert.equal(first.status, 201, first.text);
    const firstCall = standIn.requests.at(-1);
    const again = await checkout(customer, lines, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.json.session_id, first.json.session_id);
    // Stripe refuses a key reused with other parameters: the retry must send the very same request.
    assert.equal(standIn.requests.at(-1).headers['idempotency-key'], firstCall.headers['idempotency-key']);
    assert.equal(standIn.requests.at(-1).body, firstCall.body);
  });

  test('bad baskets are refused before Stripe is called', async () => {
    const customer = await s.registerCustomer();
    const before = standIn.requests.length;
    const cases = [
      [{ lines: [] }, 'lines'],
      [{ lines: [{ sku: 'NOPE', quantity: 1 }] }, 'lines[0].sku'],
      [{ lines: [{ sku: program.products.tea.sku, quantity: 0 }] }, 'lines[0].quantity'],
      [{ lines: [{ sku: program.products.tea.sku, quantity: 100 }] }, 'lines[0].quantity'],
      [{ lines: [{ sku: program.products.tea.sku, quantity: 1 }, { sku: program.products.tea.sku, quantity: 1 }] }, 'lines[1].sku'],
      [{ lines: Array.from({ length: 51 }, () => ({ sku: program.products.tea.sku, quantity: 1 })) }, 'lines'],
    ];
    for (const [body, field] of cases) {
      const r = await s.api('POST', '/api/v1/shop/checkout', { token: customer.token, body });
      assert.equal(r.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${r.text}`);
      assert.equal(r.json.error.field, field);
    }
    assert.equal(standIn.requests.length, before);
    assert.equal((await s.api('POST', '/api/v1/shop/checkout', { body: { lines: [] } })).status, 401);
  });

  test("Stripe's failures come back as clear errors, and a hang as a 504 within the timeout", async () => {
    const customer = await s.registerCustomer();
    const lines = [{ sku: program.products.coffee.sku, quantity: 1 }];
    try {
      for (const [mode, status, code] of [['500', 502, 'payment_provider_error'], ['401', 502, 'payment_provider_error'],
        ['garbage', 502, 'payment_provider_error']]) {
        standIn.mode = mode;
        const r = await checkout(customer, lines);
        assert.equal(r.status, status, `${mode}: ${r.text}`);
        assert.equal(r.json.error.code, code);
        assert.ok(!r.text.includes('sk_test'), 'no key in the answer');
      }
      standIn.mode = 'hang';
      const started = Date.now();
      const r = await checkout(customer, lines);
      assert.equal(r.status, 504, r.text);
      assert.equal(r.json.error.code, 'payment_provider_timeout');
      assert.ok(Date.now() - started < 10_000, 'answered within the configured 2 s timeout, not a hang');
    } finally {
      standIn.mode = 'ok';
    }
    // Nothing was stored for the failed attempts; the shop still works.
    assert.equal((await checkout(customer, lines)).status, 201);
  });

  test('an unreachable Stripe is a 503', async () => {
    const t = new Server({ env: { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_API_BASE: 'http://127.0.0.1:9', STRIPE_TIMEOUT_SECONDS: '2' } });
    await t.start();
    try {
      const admin = await t.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const p = await t.setupProgram(admin);
      const customer = await t.registerCustomer();
      const r = await t.api('POST', '/api/v1/shop/checkout', { token: customer.token, body: { lines: [{ sku: p.products.tea.sku, quantity: 1 }] } });
      assert.equal(r.status, 503, r.text);
      assert.equal(r.json.error.code, 'payment_provider_unavailable');
    } finally {
      await t.stop();
    }
  });

  test('the catalog and the configuration as the portal reads them', async () => {
    const customer = await s.registerCustomer();
    const config = await s.api('GET', '/api/v1/shop/config', { token: customer.token });
    assert.deepEqual(config.json, { enabled: true, currency: 'USD' });
    const products = await s.api('GET', '/api/v1/shop/products', { token: customer.token });
    assert.equal(products.status, 200);
    const coffee = products.json.items.find((p) => p.sku === program.products.coffee.sku);
    assert.deepEqual(coffee, { sku: program.products.coffee.sku, name: 'Coffee', category: 'coffee', brand: 'Bean', price_minor: 1000 });
    assert.equal(products.json.next_cursor, null);

    // Newest first, searched by name, brand or category (any case, wildcards literal), a page at a time.
    const tag = unique('q');
    for (const n of [1, 2, 3]) {
      await s.create(s.adminToken, 'products', { sku: `${tag}-${n}`, name: `Shop item ${tag} ${n}`, category: 'shop', brand: 'Test', price_minor: 100 * n, currency: 'USD' });
    }
    const first = await s.api('GET', `/api/v1/shop/products?q=${tag.toUpperCase()}&limit=2`, { token: customer.token });
    assert.deepEqual(first.json.items.map((p) => p.sku), [`${tag}-3`, `${tag}-2`]);
    assert.ok(first.json.next_cursor);
    const second = await s.api('GET', `/api/v1/shop/products?q=${tag}&limit=2&cursor=${first.json.next_cursor}`, { token: customer.token });
    assert.deepEqual(second.json.items.map((p) => p.sku), [`${tag}-1`]);
    assert.equal(second.json.next_cursor, null);
    assert.equal((await s.api('GET', '/api/v1/shop/products?q=%25', { token: customer.token })).json.items.length, 0);
    assert.equal((await s.api('GET', '/api/v1/shop/products?q=Bean', { token: customer.token })).json.items.length, 1);
    assert.equal((await s.api('GET', `/api/v1/shop/products?q=${'x'.repeat(101)}`, { token: customer.token })).status, 400);
  });
});

describe('without Stripe keys', () => {
  let bare;
  before(async () => { bare = new Server(); await bare.start(); });
  after(async () => { await bare.stop(); });

  test('the shop says online payment is not configured and takes no payment; webhooks are refused', async () => {
    const customer = await bare.registerCustomer();
    const config = await bare.api('GET', '/api/v1/shop/config', { token: customer.token });
    assert.equal(config.json.enabled, false);
    const r = await bare.api('POST', '/api/v1/shop/checkout', { token: customer.token, body: { lines: [{ sku: 'X', quantity: 1 }] } });
    assert.equal(r.status, 503);
    assert.match(r.json.error.message, /not configured/);
    const { payload, header } = signed(completedEvent('cs_x', 'pi_x'));
    const hook = await bare.api('POST', '/api/v1/webhooks/stripe', { raw: payload, headers: { 'stripe-signature': header } });
    assert.equal(hook.status, 400);
  });
});
