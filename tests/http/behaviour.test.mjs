// The behaviour store through the server: preferences, feedback, events,
// export across both stores, erasure, and the staff 360° view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './harness.mjs';

const s = useServer();
let program, alice, bob;

const event = (type, extra = {}) => ({ type, ...extra });

test('setup: a program and two customers', async () => {
  program = await s.setupProgram(s.adminToken);
  alice = await s.registerCustomer('Alice Behaviour');
  bob = await s.registerCustomer('Bob Behaviour');
  const bought = await s.purchase({ token: s.adminToken }, alice.id, program.store.id,
    [{ sku: program.products.coffee.sku, quantity: 3 }]);
  assert.equal(bought.status, 201, bought.text);
});

test('preferences: empty until set, then exactly what was put', async () => {
  const empty = await s.api('GET', '/api/v1/me/preferences', { token: alice.token });
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.json, {});
  const doc = { favorite_categories: ['coffee', 'tea'], favorite_brands: ['Bean'], channels: ['email'],
    dietary: ['vegan'], newsletter_day: 'friday', nested: { a: [1, 2, { b: null }] } };
  const put = await s.api('PUT', '/api/v1/me/preferences', { token: alice.token, body: doc });
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.json, doc);
  const got = await s.api('GET', '/api/v1/me/preferences', { token: alice.token });
  assert.deepEqual(got.json, doc);
  const other = await s.api('GET', '/api/v1/me/preferences', { token: bob.token });
  assert.deepEqual(other.json, {}, 'one customer never sees another one\'s preferences');
});

test('preferences: bad documents are 4xx and change nothing', async () => {
  const cases = [
    { raw: '[1,2]', status: 400 },
    { raw: '{"favorite_categories": "coffee"}', status: 400, field: 'favorite_categories' },
    { raw: '{"channels": ["email", 7]}', status: 400, field: 'channels[1]' },
    { raw: '{"broken": ', status: 400 },
    { raw: JSON.stringify({ blob: 'x'.repeat(33 * 1024) }), status: 413 },
  ];
  for (const c of cases) {
    const r = await s.api('PUT', '/api/v1/me/preferences', { token: alice.token, raw: c.raw });
    assert.equal(r.status, c.status, `${c.raw.slice(0, 40)} → ${r.text}`);
    assert.ok(r.json.error.code && r.json.error.message);
    if (c.field) assert.equal(r.json.error.field, c.field);
  }
  const got = await s.api('GET', '/api/v1/me/preferences', { token: alice.token });
  assert.deepEqual(got.json.favorite_categories, ['coffee', 'tea']);
});

test('feedback: 201 with a lexicon sentiment whose sign follows the text', async () => {
  const good = await s.api('POST', '/api/v1/me/feedback', { token: alice.token,
    body: { rating: 5, text: 'The coffee is excellent and the staff were very friendly.', product_sku: program.products.coffee.sku,
      store_id: program.store.id, tags: ['coffee', 'service'] } });
  assert.equal(good.status, 201, good.text);
  assert.match(good.json.id, /\S+/);
  assert.ok(good.json.sentiment > 0.3 && good.json.sentiment <= 1, `positive: ${good.json.sentiment}`);
  const bad = await s.api('POST', '/api/v1/me/feedback', { token: alice.token,
    body: { rating: 1, text: 'Not good at all. The mug arrived broken and support was useless.' } });
  assert.equal(bad.status, 201, bad.text);
  assert.ok(bad.json.sentiment < 0 && bad.json.sentiment >= -1, `negative: ${bad.json.sentiment}`);
  const neutral = await s.api('POST', '/api/v1/me/feedback', { token: bob.token, body: { rating: 3, text: 'I bought a mug.' } });
  assert.equal(neutral.json.sentiment, 0);
});

test('feedback: every bound of the contract is a 400 naming the field', async () => {
  const cases = [
    [{ text: 'no rating' }, 'rating'],
    [{ rating: 0, text: 'zero' }, 'rating'],
    [{ rating: 6, text: 'six' }, 'rating'],
    [{ rating: '5', text: 'string rating' }, 'rating'],
    [{ rating: 4 }, 'text'],
    [{ rating: 4, text: 'é'.repeat(4001) }, 'text'],
    [{ rating: 4, text: 'ok', product_sku: 'NO-SUCH-SKU' }, 'product_sku'],
    [{ rating: 4, text: 'ok', store_id: 'no-such-store' }, 'store_id'],
    [{ rating: 4, text: 'ok', tags: 'coffee' }, 'tags'],
    [{ rating: 4, text: 'ok', tags: [1] }, 'tags[0]'],
  ];
  for (const [body, field] of cases) {
    const r = await s.api('POST', '/api/v1/me/feedback', { token: alice.token, body });
    assert.equal(r.status, 400, `${JSON.stringify(body).slice(0, 60)} → ${r.text}`);
    assert.equal(r.json.error.field, field);
  }
  const longest = await s.api('POST', '/api/v1/me/feedback', { token: bob.token, body: { rating: 4, text: 'é'.repeat(4000) } });
  assert.equal(longest.status, 201, '4,000 characters (not bytes) is the limit');
});

test('events: 202 with the count; the batch bounds and types are enforced', async () => {
  const ok = await s.api('POST', '/api/v1/me/events', { token: alice.token, body: { events: [
    event('view', { sku: program.products.coffee.sku, category: 'coffee', occurred_at: '2026-11-01T10:00:00Z' }),
    event('search', { query: 'decaf beans' }),
    event('add_to_cart', { sku: program.products.tea.sku }),
  ] } });
  assert.equal(ok.status, 202, ok.text);
  assert.deepEqual(ok.json, { accepted: 3 });
  const full = await s.api('POST', '/api/v1/me/events', { token: bob.token,
    body: { events: Array.from({ length: 500 }, (_, i) => event('view', { sku: `S${i}` })) } });
  assert.equal(full.status, 202, full.text);
  assert.equal(full.json.accepted, 500);

  const cases = [
    [{ events: Array.from({ length: 501 }, () => event('view')) }, 'events'],
    [{ events: [] }, 'events'],
    [{}, 'events'],
    [{ events: [event('view'), event('teleport')] }, 'events[1].type'],
    [{ events: [event('view', { occurred_at: 'yesterday' })] }, 'events[0].occurred_at'],
    [{ events: [event('view', { sku: 42 })] }, 'events[0].sku'],
    [{ events: ['view'] }, 'events[0]'],
  ];
  for (const [body, field] of cases) {
    const r = await s.api('POST', '/api/v1/me/events', { token: alice.token, body });
    assert.equal(r.status, 400, `${JSON.stringify(body).slice(0, 60)} → ${r.text}`);
    assert.equal(r.json.error.field, field);
  }
});

test('the staff 360° view shows preferences and recent feedback; customers cannot read it', async () => {
  const view = await s.api('GET', `/api/v1/admin/customers/${alice.id}`, { token: s.adminToken });
  assert.equal(view.status, 200, view.text);
  assert.deepEqual(view.json.preferences.favorite_categories, ['coffee', 'tea']);
  assert.equal(view.json.recent_feedback.length, 2);
  assert.equal(view.json.recent_feedback[0].rating, 1, 'newest first');
  const denied = await s.api('GET', `/api/v1/admin/customers/${alice.id}`, { token: bob.token });
  assert.equal(denied.status, 403);
});

test('export holds everything from both stores, and only the caller\'s', async () => {
  const r = await s.api('GET', '/api/v1/me/export', { token: alice.token });
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-disposition'), /attachment/);
  const x = r.json;
  assert.equal(x.profile.id, alice.id);
  assert.equal(x.profile.email, alice.email);
  assert.equal(x.account.points_balance, 30);
  assert.equal(x.transactions.length, 1);
  assert.equal(x.ledger.length, 1);
  assert.equal(x.ledger[0].kind, 'earn');
  assert.deepEqual(x.behaviour.preferences.dietary, ['vegan']);
  assert.equal(x.behaviour.feedback.length, 2);
  assert.equal(x.behaviour.events.length, 3);
  assert.deepEqual(x.behaviour.events.map((e) => e.type).sort(), ['add_to_cart', 'search', 'view']);
  const viewed = x.behaviour.events.find((e) => e.type === 'view');
  assert.equal(viewed.occurred_at, '2026-11-01T10:00:00Z');
  assert.ok(!JSON.stringify(x).includes(bob.id), 'nothing of another customer');
});

test('DELETE /me erases personal data in both stores and keeps the anonymized ledger', async () => {
  const r = await s.api('DELETE', '/api/v1/me', { token: alice.token });
  assert.equal(r.status, 204, r.text);

  const login = await s.loginFull(alice.email, alice.password);
  assert.equal(login.status, 401);
  const me = await s.api('GET', '/api/v1/me', { token: alice.token });
  assert.equal(me.status, 401, 'a still-valid access token finds the account closed');
  assert.equal(me.json.error.code, 'account_closed');
  const late = await s.api('POST', '/api/v1/me/events', { token: alice.token, body: { events: [event('view')] } });
  assert.equal(late.status, 401, 'no events are accepted after erasure');
  const again = await s.api('DELETE', '/api/v1/me', { token: alice.token });
  assert.equal(again.status, 401);

  const view = await s.api('GET', `/api/v1/admin/customers/${alice.id}`, { token: s.adminToken });
  assert.equal(view.status, 200);
  assert.equal(view.json.status, 'erased');
  assert.notEqual(view.json.email, alice.email);
  assert.notEqual(view.json.name, 'Alice Behaviour');
  assert.deepEqual(view.json.preferences, {});
  assert.deepEqual(view.json.recent_feedback, []);
  assert.equal(view.json.recent_transactions.length, 1, 'transactions kept for accounting');
  assert.equal(view.json.ledger.length, 1, 'ledger kept for accounting');
  assert.equal(view.json.account.points_balance, 30);

  const found = await s.api('GET', `/api/v1/admin/customers?q=${encodeURIComponent(alice.email)}`, { token: s.adminToken });
  assert.equal(found.json.items.length, 0, 'the old email no longer finds anyone');

  const bobs = await s.api('GET', '/api/v1/me/export', { token: bob.token });
  assert.equal(bobs.json.behaviour.events.length, 500, 'other customers are untouched');
  assert.equal(bobs.json.behaviour.feedback.length, 2);
});

test('behaviour routes need a customer token', async () => {
  for (const [method, path] of [['GET', '/api/v1/me/preferences'], ['PUT', '/api/v1/me/preferences'],
    ['POST', '/api/v1/me/feedback'], ['POST', '/api/v1/me/events'], ['GET', '/api/v1/me/export'], ['DELETE', '/api/v1/me']]) {
    const r = await s.api(method, path, method === 'GET' ? {} : { body: {} });
    assert.equal(r.status, 401, `${method} ${path}`);
    assert.equal(r.json.error.code, 'unauthorized');
  }
});
