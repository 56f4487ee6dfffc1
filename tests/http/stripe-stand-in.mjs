// Stripe's side of the shop's tests (issue 17): a local stand-in for Stripe's
// API that records every request and answers as told, and webhook events
// signed by the official stripe package.
import http from 'node:http';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Server, unique } from './harness.mjs';

// The stripe package is a devDependency of the portal (web/package.json).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Stripe = require('stripe');
const stripe = new Stripe('sk_test_never_used_for_calls');

export const SECRET_KEY = 'sk_test_patron_shop';
export const WEBHOOK_SECRET = 'whsec_patron_shop_test';

// Stands in for api.stripe.com: records every request and answers as told.
export class StripeStandIn {
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

export const now = () => Math.floor(Date.now() / 1000);

export function signed(event, { secret = WEBHOOK_SECRET, timestamp } = {}) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

export function completedEvent(sessionId, paymentIntent, { id = unique('evt_'), paymentStatus = 'paid', customerId = '' } = {}) {
  return {
    id, object: 'event', type: 'checkout.session.completed', created: now(), api_version: '2024-06-20',
    data: { object: { id: sessionId, object: 'checkout.session', payment_status: paymentStatus, status: 'complete',
                      payment_intent: paymentIntent, client_reference_id: customerId, metadata: { customer_id: customerId } } },
  };
}

export function refundedEvent(paymentIntent, amount, amountRefunded, { id = unique('evt_') } = {}) {
  return {
    id, object: 'event', type: 'charge.refunded', created: now(),
    data: { object: { id: unique('ch_'), object: 'charge', payment_intent: paymentIntent, amount,
                      amount_refunded: amountRefunded, refunded: amount === amountRefunded } },
  };
}

// A server that talks to a fresh stand-in, both started before the calling
// file's tests and stopped after them, with a program set up; ready(shop) is
// called with them once they are (a second top-level before() in the file
// would not wait for this one: Node starts them side by side).
export function useShopServer(ready) {
  const shop = { standIn: new StripeStandIn(), server: null, program: null };
  before(async () => {
    await shop.standIn.start();
    shop.server = new Server({
      env: { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: shop.standIn.base,
             STRIPE_TIMEOUT_SECONDS: '2' },
    });
    await shop.server.start();
    shop.server.adminToken = await shop.server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    shop.program = await shop.server.setupProgram(shop.server.adminToken);
    ready(shop);
  });
  after(async () => {
    await shop.server?.stop();
    await shop.standIn.stop();
  });
  return shop;
}
