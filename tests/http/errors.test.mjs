// Input validation, error shapes, limits, hostile input, catalog rules, expiry and ops endpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, unique } from './harness.mjs';
import { waitFor } from './wait.mjs';

const s = useServer();
let program, customer;

const expectError = (r, status, code, field) => {
  assert.equal(r.status, status, `status ${r.status}: ${r.text}`);
  assert.equal(typeof r.json?.error?.message, 'string', `error shape: ${r.text}`);
  if (code) assert.equal(r.json.error.code, code);
  if (field !== undefined) assert.equal(r.json.error.field, field);
};
const purchaseBody = (over = {}) => ({ customer: { id: customer.id }, store_id: program.store.id, currency: 'USD',
  lines: [{ sku: program.products.coffee.sku, quantity: 1 }], ...over });
// Percent-encodes everything but unreserved characters (encodeURIComponent leaves !'()* alone).
const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const post = (body, extra = {}) => s.api('POST', '/api/v1/pos/purchases', { token: s.adminToken, body, ...extra });

test('setup', async () => {
  program = await s.setupProgram(s.adminToken);
  customer = await s.registerCustomer();
});

test('malformed JSON and non-object bodies are 400 validation_failed', async () => {
  expectError(await post(undefined, { raw: '{"customer": ' }), 400, 'validation_failed');
  expectError(await post(undefined, { raw: '' }), 400, 'validation_failed');
  expectError(await post([1, 2, 3]), 400, 'validation_failed');
  expectError(await post('a string'), 400, 'validation_failed');
  expectError(await s.api('POST', '/api/v1/auth/login', { raw: 'email=a&password=b' }), 400, 'validation_failed');
});

test('wrong types, missing fields and bad values name the field', async () => {
  expectError(await post(purchaseBody({ lines: [{ sku: program.products.coffee.sku, quantity: '2' }] })), 400, 'validation_failed', 'lines[0].quantity');
  expectError(await post(purchaseBody({ lines: [{ sku: program.products.coffee.sku }] })), 400, 'validation_failed', 'lines[0].quantity');
  expectError(await post(purchaseBody({ lines: [{ sku: program.products.coffee.sku, quantity: -1 }] })), 400, 'validation_failed', 'lines[0].quantity');
  expectError(await post(purchaseBody({ lines: [{ sku: program.products.coffee.sku, quantity: 0 }] })), 400, 'validation_failed', 'lines[0].quantity');
  expectError(await post(purchaseBody({ lines: [{ sku: program.products.coffee.sku, quantity: 1.5 }] })), 400, 'validation_failed', 'lines[0].quantity');
  expectError(await post(purchaseBody({ lines: [{ quantity: 1 }] })), 400, 'validation_failed', 'lines[0].sku');
  expectError(await post(purchaseBody({ lines: [] })), 400, 'validation_failed', 'lines');
  expectError(await post(purchaseBody({ lines: 'nope' })), 400, 'validation_failed', 'lines');
  const noStore = purchaseBody(); delete noStore.store_id;
  expectError(await post(noStore), 400, 'validation_failed', 'store_id');
  expectError(await post(purchaseBody({ currency: 'dollars' })), 400, 'validation_failed', 'currency');
  expectError(await post(purchaseBody({ customer: { id: customer.id, email: customer.email } })), 400, 'validation_failed', 'customer');
  expectError(await post(purchaseBody({ occurred_at: '2099-01-01T00:00:00Z' })), 400, 'validation_failed', 'occurred_at');
  expectError(await post(purchaseBody({ occurred_at: 'yesterday' })), 400, 'validation_failed', 'occurred_at');
  expectError(await post(purchaseBody(), { headers: { 'idempotency-key': 'k'.repeat(256) } }), 400, 'validation_failed');
  expectError(await s.api('POST', '/api/v1/auth/register', { body: { email: 'not-an-email', password: 'password-123', name: 'X' } }), 400, 'validation_failed', 'email');
  const me = await s.api('GET', '/api/v1/me', { token: customer.token });
  assert.equal(me.json.account.points_balance, 0, 'nothing was recorded by invalid requests');
});

test('unknown SKU is 400 on lines[0].sku; unknown customer and store are rejected', async () => {
  expectError(await post(purchaseBody({ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] })), 400, 'validation_failed', 'lines[0].sku');
  expectError(await post(purchaseBody({ customer: { id: 'cus_doesnotexist' } })), 404, 'not_found');
  expectError(await post(purchaseBody({ customer: { email: 'nobody@example.test' } })), 404, 'not_found');
  expectError(await post(purchaseBody({ store_id: 'sto_doesnotexist' })), 400, 'validation_failed', 'store_id');
  expectError(await s.api('POST', '/api/v1/pos/returns', { token: s.adminToken,
    body: { transaction_id: 'txn_doesnotexist', lines: [{ sku: 'x', quantity: 1 }] } }), 404, 'not_found');
  expectError(await s.api('POST', '/api/v1/me/redemptions', { token: customer.token, body: { reward_id: 'rwd_nope' } }), 404, 'not_found');
  expectError(await s.api('POST', '/api/v1/me/redemptions', { token: customer.token, body: { reward_id: program.reward.id } }), 409, 'insufficient_points');
});

test('oversized body is 413 and the server keeps serving', async () => {
  const big = JSON.stringify({ ...purchaseBody(), padding: 'x'.repeat(1.5 * 1024 * 1024) });
  expectError(await post(undefined, { raw: big }), 413);
  assert.equal((await s.api('GET', '/healthz')).status, 200);
});

test('unknown route and wrong method answer with error JSON', async () => {
  expectError(await s.api('GET', '/api/v1/no-such-thing', { token: s.adminToken }), 404, 'not_found');
  expectError(await s.api('GET', '/api/v1/admin/products/prd_nope', { token: s.adminToken }), 404, 'not_found');
  // A known path with a method it does not take: 405, before authentication, naming the methods it takes.
  const wrong = await s.api('DELETE', '/api/v1/me/ledger', { token: customer.token });
  expectError(wrong, 405, 'validation_failed');
  assert.equal(wrong.headers.get('allow'), 'GET');
  const put = await s.api('PUT', '/api/v1/pos/purchases', { token: s.adminToken, body: {} });
  expectError(put, 405, 'validation_failed');
  assert.equal(put.headers.get('allow'), 'POST');
});

test('wrong method is 405 with an Allow header', async () => {
  const wrong = await s.api('DELETE', '/api/v1/me/ledger', { token: customer.token });
  assert.equal(wrong.status, 405);
  assert.match(wrong.headers.get('allow') ?? '', /GET/);
});

test('limit must be 1..200; bad cursors are 400', async () => {
  for (const limit of ['0', 'abc', '201', '-1', '10x']) {
    expectError(await s.api('GET', `/api/v1/me/ledger?limit=${limit}`, { token: customer.token }), 400, 'validation_failed', 'limit');
    expectError(await s.api('GET', `/api/v1/admin/products?limit=${limit}`, { token: s.adminToken }), 400, 'validation_failed', 'limit');
  }
  assert.equal((await s.api('GET', '/api/v1/me/ledger?limit=200', { token: customer.token })).status, 200);
  expectError(await s.api('GET', `/api/v1/me/ledger?cursor=${enc("1' OR 1=1")}`, { token: customer.token }), 400, 'validation_failed', 'cursor');
  expectError(await s.api('GET', '/api/v1/me/transactions?cursor=garbage', { token: customer.token }), 400, 'validation_failed', 'cursor');
});

test('SQL injection strings are treated as data; the server stays up', async () => {
  const probes = ["' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', "%' UNION SELECT password_hash FROM users --", '\\', "x' AND sleep(5) --"];
  for (const q of probes) {
    const r = await s.api('GET', `/api/v1/admin/customers?q=${enc(q)}`, { token: s.adminToken });
    assert.equal(r.status, 200, `${q}: ${r.text}`);
    assert.equal(r.json.items.length, 0, `search ${q} must match nothing`);
    assert.ok(!r.text.includes('password_hash') && !r.text.includes('$argon') && !r.text.includes('$2'));
    const login = await s.loginFull(`admin@test.local${q}`, q);
    assert.ok([400, 401].includes(login.status), `login ${q}: ${login.status}`);
    const reg = await s.api('POST', '/api/v1/auth/register', { body: { email: `a${unique()}${q}@example.test`, password: 'password-123', name: q } });
    // The probe is part of the email: most make it invalid (400 on email); one that
    // leaves a valid address (the backslash) registers like any other name.
    assert.ok(reg.status === 201 || (reg.status === 400 && reg.json?.error?.field === 'email'), `register ${q}: ${reg.status} ${reg.text}`);
  }
  const found = await s.api('GET', `/api/v1/admin/customers?q=${encodeURIComponent(customer.email)}`, { token: s.adminToken });
  assert.deepEqual(found.json.items.map((c) => c.id), [customer.id]);
  assert.equal((await s.api('GET', '/healthz')).status, 200);
  assert.equal((await s.loginFull('admin@test.local', 'admin12345')).status, 200);
});

test('query strings with unencoded sub-delims are not silently dropped', async () => {
  const none = await s.api('GET', '/api/v1/admin/customers?q=zzz-no-match(', { token: s.adminToken });
  assert.ok(none.status === 400 || (none.status === 200 && none.json.items.length === 0), `q=zzz-no-match( -> ${none.status} with ${none.json?.items?.length} items`);
  expectError(await s.api('GET', '/api/v1/me/ledger?limit=abc&z=(', { token: customer.token }), 400, 'validation_failed');
  expectError(await s.api('GET', '/api/v1/me/ledger?cursor=1=1', { token: customer.token }), 400, 'validation_failed');
});

test('search treats LIKE wildcards literally', async () => {
  for (const q of ['%', '_', '%%%']) {
    const r = await s.api('GET', `/api/v1/admin/customers?q=${enc(q)}`, { token: s.adminToken });
    assert.equal(r.status, 200);
    assert.equal(r.json.items.length, 0, `q=${q} matched ${r.json.items.length}`);
  }
});

test('catalog: duplicate sku 409, invalid currency 400, DELETE archives', async () => {
  const sku = unique('DUP-');
  const first = await s.api('POST', '/api/v1/admin/products', { token: s.adminToken, body: { sku, name: 'A', price_minor: 100, currency: 'USD' } });
  assert.equal(first.status, 201, first.text);
  assert.ok(first.json.id);
  assert.equal(first.json.sku, sku);
  expectError(await s.api('POST', '/api/v1/admin/products', { token: s.adminToken, body: { sku, name: 'B', price_minor: 100, currency: 'USD' } }), 409, 'conflict', 'sku');
  expectError(await s.api('POST', '/api/v1/admin/products', { token: s.adminToken, body: { sku: unique('C-'), name: 'C', price_minor: 100, currency: 'usd$' } }), 400, 'validation_failed', 'currency');
  expectError(await s.api('POST', '/api/v1/admin/products', { token: s.adminToken, body: { sku: unique('C-'), name: 'C', price_minor: -1, currency: 'USD' } }), 400, 'validation_failed', 'price_minor');
  expectError(await s.api('POST', '/api/v1/admin/products', { token: s.adminToken, body: { sku: unique('C-'), price_minor: 1, currency: 'USD' } }), 400, 'validation_failed', 'name');
  expectError(await s.api('POST', '/api/v1/admin/earning-rules', { token: s.adminToken, body: { name: 'r', kind: 'free_money' } }), 400, 'validation_failed', 'kind');
  expectError(await s.api('POST', '/api/v1/admin/rewards', { token: s.adminToken, body: { name: 'r', points_cost: 0 } }), 400, 'validation_failed', 'points_cost');

  const patch = await s.api('PATCH', `/api/v1/admin/products/${first.json.id}`, { token: s.adminToken, body: { name: 'Renamed' } });
  assert.equal(patch.status, 200, patch.text);
  assert.equal(patch.json.name, 'Renamed');
  const got = await s.api('GET', `/api/v1/admin/products/${first.json.id}`, { token: s.adminToken });
  assert.equal(got.json.name, 'Renamed');

  const del = await s.api('DELETE', `/api/v1/admin/products/${first.json.id}`, { token: s.adminToken });
  assert.equal(del.status, 204);
  const active = await s.listAll(s.adminToken, '/api/v1/admin/products');
  assert.ok(!active.some((p) => p.id === first.json.id), 'archived product hidden by default');
  const all = await s.listAll(s.adminToken, '/api/v1/admin/products?include_archived=true');
  const archived = all.find((p) => p.id === first.json.id);
  assert.ok(archived, 'include_archived=true lists it');
  assert.equal(archived.archived, true);
  expectError(await s.api('DELETE', '/api/v1/admin/products/prd_nope', { token: s.adminToken }), 404, 'not_found');
});

test('expire CLI expires old points: balance 0 and an expire ledger entry', async () => {
  const c = await s.registerCustomer();
  const buy = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.tea.sku, quantity: 3 }]);
  assert.equal(buy.status, 201, buy.text);
  assert.equal(buy.json.balance_after, 60);
  const me = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_expiring.reduce((a, e) => a + e.points, 0), 60);
  const run = s.runCli(['expire', '--at', '2035-01-01T00:00:00Z']);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  // Another process (the CLI) changed the account: the server's cached account
  // view may lag by up to its 5 s lifetime. Waits on the balance itself, with a
  // bound far past that lifetime, so that a loaded machine does not fail it.
  await waitFor(async () => (await s.api('GET', '/api/v1/me', { token: c.token })).json.account.points_balance === 0,
    { timeoutMs: 60_000, intervalMs: 250, message: 'GET /me to show the expired balance of 0' });
  const view = await s.api('GET', `/api/v1/admin/customers/${c.id}`, { token: s.adminToken });
  assert.equal(view.json.account.points_balance, 0, 'the 360° view reads the database directly');
  const ledger = await s.listAll(c.token, '/api/v1/me/ledger');
  const expired = ledger.filter((e) => e.kind === 'expire');
  assert.equal(expired.length, 1);
  assert.equal(expired[0].points, -60);
  assert.equal(expired[0].balance_after, 0);
  const again = s.runCli(['expire', '--at', '2035-01-01T00:00:00Z']);
  assert.equal(again.status, 0);
  assert.equal((await s.listAll(c.token, '/api/v1/me/ledger')).filter((e) => e.kind === 'expire').length, 1, 'expiry is idempotent');
});

test('every request writes one structured access-log line with its latency', async () => {
  const path = `/api/v1/no-such-route-${unique('log')}`;
  assert.equal((await s.api('GET', path)).status, 404);
  // The log reaches a pipe in batches, at least once a second: waits for the
  // line itself, with a generous bound.
  const linesFor = () => s.log.join('').split('\n').filter((line) => line.includes(path))
    .map((line) => JSON.parse(line.slice(line.indexOf('{"method"'))));
  await waitFor(() => linesFor().length > 0, { timeoutMs: 60_000, intervalMs: 100, message: `the access-log line for ${path}` });
  const entries = linesFor();
  assert.equal(entries.length, 1, 'exactly one line for the request');
  const [entry] = entries;
  assert.equal(entry.method, 'GET');
  assert.equal(entry.path, path);
  assert.equal(entry.status, 404);
  assert.equal(typeof entry.latency_ms, 'number');
  assert.ok(entry.latency_ms >= 0);
});

test('ops endpoints: healthz, readyz, metrics', async () => {
  const h = await s.api('GET', '/healthz');
  assert.equal(h.status, 200);
  assert.deepEqual(h.json, { status: 'ok', pid: s.child.pid });
  const r = await s.api('GET', '/readyz');
  assert.equal(r.status, 200, r.text);
  const m = await s.api('GET', '/metrics');
  assert.equal(m.status, 200);
  assert.match(m.headers.get('content-type'), /text\/plain/);
  assert.match(m.text, /patron_http_requests_total/);
});
