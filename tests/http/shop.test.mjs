// The online shop (issue 17): Checkout Sessions made through a local stand-in
// for Stripe's API (its requests checked), webhooks signed by the official
// stripe package, points awarded once, refunds reversed, replays and
// out-of-order deliveries harmless.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createRequire } from 'node:module';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Server, unique } from './harness.mjs';

// The stripe package is a devDependency of the portal (web/package.json).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Stripe = require('stripe');
const stripe = new Stripe('sk_test_never_used_for_calls');

const SECRET_KEY = 'sk_test_patron_shop';
const WEBHOOK_SECRET = 'whsec_patron_shop_test';

// Stands in for api.stripe.com: records every request and answers as told.
class StripeStandIn {
  constructor() {
    this.requests = [];
    this.mode = 'ok';
    this.sessions = 0;
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => this.answer(req, res, body));
    });
  }

  answer(req, res, body) {
    this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    if (this.mode === 'hang') return;  // never answers: the server's timeout must
    const json = (status, value) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
    if (this.mode === '500') return json(500, { error: { type: 'api_error', message: 'boom' } });
    if (this.mode === '401') return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } });
    if (this.mode === 'garbage') { res.writeHead(200); return res.end('not json'); }
    const id = `cs_test_${++this.sessions}_${unique('s')}`;
    json(200, { id, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/${id}` });
  }

  async start() {
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${this.server.address().port}`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const standIn = new StripeStandIn();
let s;
let program;

before(async () => {
  await standIn.start();
  s = new Server({
    env: { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: standIn.base,
           STRIPE_TIMEOUT_SECONDS: '2' },
  });
  await s.start();
  s.adminToken = await s.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  program = await s.setupProgram(s.adminToken);
});

after(async () => {
  await s?.stop();
  await standIn.stop();
});

const now = () => Math.floor(Date.now() / 1000);

function signed(event, { secret = WEBHOOK_SECRET, timestamp } = {}) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

async function deliver(event, options = {}) {
  const { payload, header } = signed(event, options);
  return s.api('POST', '/api/v1/webhooks/stripe', { raw: payload, headers: { 'stripe-signature': header } });
}

function completedEvent(sessionId, paymentIntent, { id = unique('evt_'), paymentStatus = 'paid', customerId = '' } = {}) {
  return {
    id, object: 'event', type: 'checkout.session.completed', created: now(), api_version: '2024-06-20',
    data: { object: { id: sessionId, object: 'checkout.session', payment_status: paymentStatus, status: 'complete',
                      payment_intent: paymentIntent, client_reference_id: customerId, metadata: { customer_id: customerId } } },
  };
}

function refundedEvent(paymentIntent, amount, amountRefunded, { id = unique('evt_') } = {}) {
  return {
    id, object: 'event', type: 'charge.refunded', created: now(),
    data: { object: { id: unique('ch_'), object: 'charge', payment_intent: paymentIntent, amount,
                      amount_refunded: amountRefunded, refunded: amount === amountRefunded } },
  };
}

async function balance(customer) {
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.status, 200, me.text);
  return me.json.account.points_balance;
}

async function checkout(customer, lines, headers = {}) {
  return s.api('POST', '/api/v1/shop/checkout', { token: customer.token, body: { lines }, headers });
}

// A paid checkout of one coffee and two mugs (110.00): the session and its payment intent.
async function paidCheckout(customer) {
  const r = await checkout(customer, [{ sku: program.products.coffee.sku, quantity: 1 }, { sku: program.products.mug.sku, quantity: 2 }]);
  assert.equal(r.status, 201, r.text);
  const paymentIntent = unique('pi_');
  return { sessionId: r.json.session_id, paymentIntent };
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

describe('Stripe webhooks', () => {
  test('signatures made by the stripe package are accepted; tampered, expired, missing and wrongly signed are 400', async () => {
    const customer = await s.registerCustomer();
    const { sessionId, paymentIntent } = await paidCheckout(customer);
    const event = completedEvent(sessionId, paymentIntent);
    const { payload, header } = signed(event);
    const post = (raw, headers) => s.api('POST', '/api/v1/webhooks/stripe', { raw, headers });

    const refusals = [
      ['tampered', post(payload.replace('"paid"', '"PAID"'), { 'stripe-signature': header })],
      ['expired', (() => { const old = signed(event, { timestamp: now() - 301 }); return post(old.payload, { 'stripe-signature': old.header }); })()],
      ['from the future', (() => { const f = signed(event, { timestamp: now() + 400 }); return post(f.payload, { 'stripe-signature': f.header }); })()],
      ['missing', post(payload, {})],
      ['wrong secret', (() => { const w = signed(event, { secret: 'whsec_someone_else' }); return post(w.payload, { 'stripe-signature': w.header }); })()],
      ['v0 only', post(payload, { 'stripe-signature': header.replace('v1=', 'v0=') })],
    ];
    for (const [name, pending] of refusals) {
      const r = await pending;
      assert.equal(r.status, 400, `${name}: ${r.text}`);
      assert.equal(r.json.error.field, 'Stripe-Signature', name);
    }
    assert.equal(await balance(customer), 0, 'nothing changed');
    assert.equal((await s.api('GET', `/api/v1/shop/checkout/${sessionId}`, { token: customer.token })).json.status, 'open');

    const ok = await post(payload, { 'stripe-signature': header });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.outcome, 'applied');
  });

  test('a paid session earns exactly what the same purchase earns in store, once however often Stripe delivers it', async () => {
    const inStore = await s.registerCustomer();
    const pos = await s.purchase({ token: s.adminToken }, inStore.id, program.store.id,
      [{ sku: program.products.coffee.sku, quantity: 1 }, { sku: program.products.mug.sku, quantity: 2 }]);
    assert.equal(pos.status, 201, pos.text);
    assert.ok(pos.json.points_earned > 0);

    const customer = await s.registerCustomer();
    const { sessionId, paymentIntent } = await paidCheckout(customer);
    const event = completedEvent(sessionId, paymentIntent);
    const first = await deliver(event);
    assert.equal(first.status, 200, first.text);
    assert.equal(await balance(customer), pos.json.points_earned);

    const replay = await deliver(event);  // the same event id again
    assert.equal(replay.status, 200);
    assert.equal(replay.json.outcome, 'duplicate');
    const another = await deliver(completedEvent(sessionId, paymentIntent));  // a new event id, same session
    assert.equal(another.status, 200);
    assert.equal(another.json.outcome, 'duplicate');
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliver(completedEvent(sessionId, paymentIntent))));
    assert.ok(concurrent.every((r) => r.status === 200));
    assert.equal(await balance(customer), pos.json.points_earned, 'awarded once');

    const status = await s.api('GET', `/api/v1/shop/checkout/${sessionId}`, { token: customer.token });
    assert.equal(status.json.status, 'paid');
    assert.equal(status.json.points_earned, pos.json.points_earned);
    const txns = await s.api('GET', '/api/v1/me/transactions', { token: customer.token });
    assert.equal(txns.json.items.length, 1);
    assert.equal(txns.json.items[0].total_minor, 11000);
  });

  test('an unpaid completion waits for its payment; unknown sessions and other types are acknowledged', async () => {
    const customer = await s.registerCustomer();
    const { sessionId, paymentIntent } = await paidCheckout(customer);
    const unpaid = await deliver(completedEvent(sessionId, paymentIntent, { paymentStatus: 'unpaid' }));
    assert.equal(unpaid.json.outcome, 'ignored');
    assert.equal(await balance(customer), 0);
    const succeeded = completedEvent(sessionId, paymentIntent);
    succeeded.type = 'checkout.session.async_payment_succeeded';
    assert.equal((await deliver(succeeded)).json.outcome, 'applied');
    assert.ok(await balance(customer) > 0);

    const unknown = await deliver(completedEvent('cs_test_not_ours', 'pi_not_ours'));
    assert.equal(unknown.status, 200);
    assert.equal(unknown.json.outcome, 'unknown_session');
    const other = await deliver({ id: unique('evt_'), object: 'event', type: 'customer.created', created: now(), data: { object: { id: 'cus_x' } } });
    assert.equal(other.status, 200);
    assert.equal(other.json.outcome, 'ignored');
    const notAnEvent = await deliver({ hello: 'world' });
    assert.equal(notAnEvent.status, 400);
  });

  test('a refund reverses the refunded share of the points, as a return does; replays and older refunds move nothing', async () => {
    const customer = await s.registerCustomer();
    const { sessionId, paymentIntent } = await paidCheckout(customer);
    await deliver(completedEvent(sessionId, paymentIntent));
    const earned = await balance(customer);
    assert.ok(earned > 0);

    const half = refundedEvent(paymentIntent, 11000, 5500);
    const r = await deliver(half);
    assert.equal(r.json.outcome, 'applied', r.text);
    assert.equal(await balance(customer), earned - Math.floor(earned * 5500 / 11000));
    await deliver(half);  // replay
    assert.equal(await balance(customer), earned - Math.floor(earned * 5500 / 11000));

    const full = refundedEvent(paymentIntent, 11000, 11000);
    await deliver(full);
    assert.equal(await balance(customer), 0);
    await deliver(refundedEvent(paymentIntent, 11000, 5500));  // an older cumulative amount, late
    assert.equal(await balance(customer), 0);

    const txns = await s.api('GET', '/api/v1/me/transactions', { token: customer.token });
    assert.equal(txns.json.items[0].status, 'returned');
    const status = await s.api('GET', `/api/v1/shop/checkout/${sessionId}`, { token: customer.token });
    assert.equal(status.json.refunded_minor, 11000);
  });

  test('a refund delivered before its completion is kept and applied when the completion lands', async () => {
    const customer = await s.registerCustomer();
    const { sessionId, paymentIntent } = await paidCheckout(customer);
    const early = await deliver(refundedEvent(paymentIntent, 11000, 2750));
    assert.equal(early.status, 200);
    assert.equal(early.json.outcome, 'pending');
    assert.equal(await balance(customer), 0);

    await deliver(completedEvent(sessionId, paymentIntent));
    const status = await s.api('GET', `/api/v1/shop/checkout/${sessionId}`, { token: customer.token });
    const earned = status.json.points_earned;
    assert.ok(earned > 0);
    assert.equal(status.json.refunded_minor, 2750);
    assert.equal(await balance(customer), earned - Math.floor(earned * 2750 / 11000));

    const ledger = await s.api('GET', '/api/v1/me/ledger', { token: customer.token });
    assert.deepEqual(ledger.json.items.map((e) => e.kind).sort(), ['earn', 'reverse']);
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
