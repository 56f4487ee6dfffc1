// Acknowledged means durable: the server is SIGKILLed while customers post
// event batches, and again while a till posts purchases; after each restart
// everything that was answered (202, 201) is there, and nothing half-written.
// A writer stops only because the server is gone: any other error, or any
// answer but the expected one, fails the test at once, and every wait is
// bounded, so a broken server fails the test instead of letting it spin.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.mjs';
import { waitFor, within } from './wait.mjs';

const s = new Server();
after(async () => { serverGone = true; await s.stop(); });

const WRITERS = 8;
const BATCH = 50;
// Generous: on an idle machine each wait below takes about a second.
const BOUND_MS = 120_000;
// Set just before the SIGKILL (and at teardown): from then on a dead connection is expected.
let serverGone = false;

const total = (acked) => acked.reduce((n, a) => n + a.length, 0);

// Resolves once `count` writes are acknowledged; rejects as soon as a writer
// fails (or stops while the server is up), or after BOUND_MS.
async function untilAcknowledged(writers, acked, count, what) {
  let failed = false;  // ends the polling below once a writer has failed
  const stopped = writers.map((w, i) => w.then(() => {
    throw new Error(`${what} ${i} stopped while the server was up`);
  }));
  try {
    await Promise.race([
      ...stopped,
      waitFor(() => failed || total(acked) >= count,
        { timeoutMs: BOUND_MS, message: () => `${count} acknowledged ${what}s (have ${total(acked)})` }),
    ]);
  } catch (e) {
    failed = true;
    throw e;
  }
}

// Kills the server, then waits (bounded) for every writer to notice.
async function killUnder(writers) {
  serverGone = true;
  await s.kill();
  await within(BOUND_MS, Promise.all(writers), 'the writers stopping after the kill');
  serverGone = false;
}

async function postUntilKilled(customer, writer, acked) {
  for (let batch = 0; ; batch++) {
    const events = Array.from({ length: BATCH }, (_, i) => ({ type: 'view', sku: `W${writer}-B${batch}-E${i}` }));
    let r;
    try {
      r = await s.api('POST', '/api/v1/me/events', { token: customer.token, body: { events } });
    } catch (e) {
      if (serverGone) return;  // the connection died with the server
      throw new Error(`writer ${writer}: batch ${batch} failed while the server was up: ${e.message}`);
    }
    if (r.status !== 202) throw new Error(`writer ${writer}: batch ${batch} answered ${r.status}: ${r.text}`);
    acked.push(...events.map((e) => e.sku));
  }
}

test('every event acknowledged with 202 before SIGKILL is there after restart', async () => {
  await s.start();
  s.adminToken = await s.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  const customers = [];
  for (let i = 0; i < WRITERS; i++) customers.push(await s.registerCustomer(`Writer ${i}`));

  const acked = customers.map(() => []);
  const writers = customers.map((c, i) => postUntilKilled(c, i, acked[i]));
  // Kill once ingestion is well under way, mid-stream.
  await untilAcknowledged(writers, acked, 2000, 'event writer');
  await killUnder(writers);
  assert.ok(total(acked) >= 2000, `acknowledged ${total(acked)} events before the kill`);

  await s.restart();
  for (let i = 0; i < WRITERS; i++) {
    const exported = await s.api('GET', '/api/v1/me/export', { token: customers[i].token });
    assert.equal(exported.status, 200, exported.text);
    const stored = new Set(exported.json.behaviour.events.map((e) => e.sku));
    const missing = acked[i].filter((sku) => !stored.has(sku));
    assert.deepEqual(missing.slice(0, 5), [], `writer ${i}: ${missing.length} acknowledged events lost`);
    // A batch is all-or-nothing: whatever was stored beyond the acks is whole batches.
    assert.equal(stored.size % BATCH, 0, `writer ${i}: a partial batch was stored`);
  }
});

// Purchases go through the group-commit writer, whose WAL writes and syncs the
// server's own SQLite layer gathers and hands to a finisher thread; a kill at
// any point must leave every answered purchase in place and every account
// equal to the sum of its ledger.
async function purchaseUntilKilled(program, customer, writer, acked) {
  for (let n = 0; ; n++) {
    let r;
    try {
      r = await s.purchase({ token: s.adminToken }, customer.id, program.store.id,
        [{ sku: program.products.coffee.sku, quantity: 1 }], { key: `durable-${writer}-${n}` });
    } catch (e) {
      if (serverGone) return;  // the connection died with the server
      throw new Error(`till ${writer}: purchase ${n} failed while the server was up: ${e.message}`);
    }
    if (r.status !== 201) throw new Error(`till ${writer}: purchase ${n} answered ${r.status}: ${r.text}`);
    acked.push(r.json.transaction_id);
  }
}

test('every purchase answered 201 before SIGKILL is there after restart, each balance equal to its ledger', async () => {
  const program = await s.setupProgram(s.adminToken);
  const buyers = [];
  for (let i = 0; i < WRITERS; i++) buyers.push(await s.registerCustomer(`Buyer ${i}`));
  const acked = buyers.map(() => []);
  const tills = buyers.map((c, i) => purchaseUntilKilled(program, c, i, acked[i]));
  await untilAcknowledged(tills, acked, 400, 'till');
  await killUnder(tills);

  await s.restart();
  for (let i = 0; i < WRITERS; i++) {
    const stored = new Set((await s.listAll(buyers[i].token, '/api/v1/me/transactions')).map((t) => t.id));
    const missing = acked[i].filter((id) => !stored.has(id));
    assert.deepEqual(missing.slice(0, 5), [], `buyer ${i}: ${missing.length} answered purchases lost`);
    const ledger = await s.listAll(buyers[i].token, '/api/v1/me/ledger');
    const earned = ledger.filter((e) => e.kind === 'earn');
    assert.equal(earned.length, stored.size, `buyer ${i}: one earn entry per stored purchase`);
    const me = await s.api('GET', '/api/v1/me', { token: buyers[i].token });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.json.account.points_balance, ledger.reduce((sum, e) => sum + e.points, 0),
      `buyer ${i}: balance equals the sum of the ledger`);
  }
});
