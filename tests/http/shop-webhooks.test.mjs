// The online shop (issue 17), Stripe's webhooks: signatures made by the
// official stripe package, points awarded once, refunds reversed, replays and
// out-of-order deliveries harmless. The checkout itself: shop.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unique } from './harness.mjs';
import { completedEvent, now, refundedEvent, signed, useShopServer } from './stripe-stand-in.mjs';

let s;
let program;
const { standIn } = useShopServer((shop) => {
  s = shop.server;
  program = shop.program;
});

async function deliver(event, options = {}) {
  const { payload, header } = signed(event, options);
  return s.api('POST', '/api/v1/webhooks/stripe', { raw: payload, headers: { 'stripe-signature': header } });
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
