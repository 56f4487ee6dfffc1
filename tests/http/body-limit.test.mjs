// The 1 MiB request-body limit at its boundary (server.cpp dispatch,
// max_body_bytes): a body of exactly 1,048,576 bytes is read and handled like
// any other; one byte more is refused with 413 payload_too_large before any
// handler runs, and nothing is recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();
const MIB = 1024 * 1024;
let program, customer;

// A valid purchase of one coffee, padded with JSON whitespace to `bytes` bytes:
// only its size differs from one request to the next.
function purchaseOfSize(bytes) {
  const json = JSON.stringify({ customer: { id: customer.id }, store_id: program.store.id, currency: 'USD',
    lines: [{ sku: program.products.coffee.sku, quantity: 1 }] });
  const body = json.slice(0, -1) + ' '.repeat(bytes - json.length) + '}';
  assert.equal(Buffer.byteLength(body), bytes);
  return body;
}

const balance = async () => (await s.api('GET', '/api/v1/me', { token: customer.token })).json.account.points_balance;

test('setup', async () => {
  program = await s.setupProgram(s.adminToken);
  customer = await s.registerCustomer();
});

test('a body of exactly 1 MiB is accepted and handled', async () => {
  const r = await s.api('POST', '/api/v1/pos/purchases', { token: s.adminToken, raw: purchaseOfSize(MIB) });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.balance_after, 10);
  assert.equal(await balance(), 10);
});

test('a body one byte over 1 MiB is 413 payload_too_large and records nothing', async () => {
  const before = await balance();
  const r = await s.api('POST', '/api/v1/pos/purchases', { token: s.adminToken, raw: purchaseOfSize(MIB + 1) });
  assert.equal(r.status, 413, r.text);
  assert.equal(r.json?.error?.code, 'payload_too_large', r.text);
  assert.equal(await balance(), before, 'nothing was recorded');
  const again = await s.api('POST', '/api/v1/pos/purchases', { token: s.adminToken, raw: purchaseOfSize(MIB - 1) });
  assert.equal(again.status, 201, `the server keeps serving: ${again.text}`);
  assert.equal(await balance(), before + 10);
});
