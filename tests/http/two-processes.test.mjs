// Two Patron processes on one server database: each has its own writer, so the
// ledger holds only through row locks (SELECT … FOR UPDATE on the account).
// SQLite is one process's store; there this file is skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRedemptionsNeverOverspend } from './concurrent-redemptions.mjs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BACKEND, Server, unique } from './harness.mjs';

const skip = BACKEND === 'sqlite' ? 'SQLite is a single-process store; set PATRON_TEST_DATABASE_URL to a server' : false;
const a = skip ? null : new Server();  // a Server makes its temporary folder at once
const b = skip ? null : new Server({ shareDatabaseOf: a });

before(async () => {
  if (skip) return;
  await a.start();
  await b.start();
  a.adminToken = await a.login(ADMIN_EMAIL, ADMIN_PASSWORD);
});
after(async () => {
  if (skip) return;
  await b.stop();
  await a.stop();
});

// Oldest first (the API pages newest first, in ledger sequence order).
async function ledgerOf(token) {
  return (await a.listAll(token, '/api/v1/me/ledger')).reverse();
}

function assertLedgerExact(entries, balance) {
  let running = 0;
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'no entry repeats');
  entries.forEach((e, i) => {
    running += e.points;
    assert.equal(e.balance_after, running, `entry ${i + 1} of ${entries.length}`);
    assert.ok(e.balance_after >= 0, `negative balance_after ${e.balance_after}`);
  });
  assert.equal(running, balance, 'balance = sum of the ledger');
}

test('32 concurrent purchases for one customer through two processes', { skip }, async () => {
  const program = await a.setupProgram(a.adminToken);
  const c = await a.registerCustomer();
  const results = await Promise.all(Array.from({ length: 32 }, (_, i) => (i % 2 ? b : a).purchase({ token: a.adminToken },
    c.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }])));
  for (const r of results) assert.equal(r.status, 201, r.text);
  const me = await b.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_balance, 32 * 10);
  const entries = await ledgerOf(c.token);
  assert.equal(entries.length, 32);
  assertLedgerExact(entries, 320);
});

test('32 concurrent redemptions through two processes never overspend', { skip }, async () => {
  const program = await a.setupProgram(a.adminToken, { rewardCost: 100 });
  const c = await a.registerCustomer();
  const buy = await a.purchase({ token: a.adminToken }, c.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 10 }]);
  assert.equal(buy.status, 201, buy.text);
  assert.equal(buy.json.balance_after, 500);
  await assertRedemptionsNeverOverspend({
    servers: [a, b], c, program, count: 32, balancesAfter: [0, 100, 200, 300, 400], keyPrefix: 'two-',
  });
  const entries = await ledgerOf(c.token);
  assert.equal(entries.length, 6);
  assertLedgerExact(entries, 0);
});

test('concurrent replays of one Idempotency-Key through two processes earn once', { skip }, async () => {
  const program = await a.setupProgram(a.adminToken);
  for (let round = 0; round < 3; round++) {
    const c = await a.registerCustomer();
    const key = unique('twokey-');
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? b : a).purchase({ token: a.adminToken },
      c.id, program.store.id, [{ sku: program.products.tea.sku, quantity: 1 }], { key })));
    for (const r of results) assert.equal(r.status, 201, r.text);
    assert.equal(new Set(results.map((r) => r.json.transaction_id)).size, 1);
    const me = await b.api('GET', '/api/v1/me', { token: c.token });
    assert.equal(me.json.account.points_balance, 20);
  }
});

test('one external_id sent to two processes at once is recorded once; the rest are 409', { skip }, async () => {
  const program = await a.setupProgram(a.adminToken);
  const c = await a.registerCustomer();
  const externalId = unique('till-');
  const results = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? b : a).api('POST', '/api/v1/pos/purchases', {
    token: a.adminToken,
    body: { customer: { id: c.id }, store_id: program.store.id, currency: 'USD', external_id: externalId,
      lines: [{ sku: program.products.tea.sku, quantity: 1 }] },
  })));
  const statuses = results.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
  assert.equal(statuses.filter((s) => s === 409).length, 15, `statuses: ${statuses.join(',')}`);
  const me = await b.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_balance, 20);
});
