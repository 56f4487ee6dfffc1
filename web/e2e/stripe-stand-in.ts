// A local stand-in for Stripe's API, started by the global setup for the
// whole run: `patron serve` gets STRIPE_API_BASE pointing here, so the shop's
// checkout makes its real libcurl call to this server. It answers a Checkout
// Session whose url is a page on this same server (the "Stripe" page the
// browser is sent to), and lists what it was sent at GET /__requests.
import { createServer, type Server } from 'node:http';

export const E2E_STRIPE_SECRET_KEY = 'sk_test_patron_e2e';
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_patron_e2e';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function startStripeStandIn(): Promise<{ url: string; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  let sessions = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/__requests') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(requests));
      }
      if (req.method === 'GET' && req.url?.startsWith('/c/pay/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><html lang="en"><title>Stripe test checkout</title><h1>Stripe test checkout</h1><p>Pay here.</p></html>');
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const id = `cs_test_e2e_${++sessions}_${Date.now().toString(36)}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ id, object: 'checkout.session', url: `${base}/c/pay/${id}` }));
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'unknown path' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
