// Acknowledged means durable: the server is SIGKILLed while customers post
// event batches, and again while a till posts purchases; after each restart
// everything that was answered (202, 201) is there, and nothing half-written.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.mjs';

const s = new Server();
after(async () => { await s.stop(); });

const WRITERS = 8;
const BATCH = 50;

async function postUntilKilled(customer, writer, acked) {
  for (let batch = 0; ; batch++) {
    const events = Array.from({ length: BATCH }, (_, i) => ({ type: 'view', sku: `W${writer}-B${batch}-E${i}` }));
    let r;
    try {
      r = await s.api('POST', '/api/v1/me/events', { token: customer.token, body: { events } });
    } catch {
      return;  // the connection died with the server
    }
    if (r.status !== 202) return;
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
  while (acked.reduce((n, a) => n + a.length, 0) < 2000) await new Promise((r) => setTimeout(r, 20));
  await s.kill();
  await Promise.all(writers);
  const total = acked.reduce((n, a) => n + a.length, 0);
  assert.ok(total >= 2000, `acknowledged ${total} events before the kill`);

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
    } catch {
      return;  // the connection died with the server
    }
    if (r.status !== 201) return;
    acked.push(r.json.transaction_id);
  }
}

test('every purchase answered 201 before SIGKILL is there after restart, each balance equal to its ledger', async () => {
  const program = await s.setupProgram(s.adminToken);
  const buyers = [];
  for (let i = 0; i < WRITERS; i++) buyers.push(await s.registerCustomer(`Buyer ${i}`));
  const acked = buyers.map(() => []);
  const tills = buyers.map((c, i) => purchaseUntilKilled(program, c, i, acked[i]));
  while (acked.reduce((n, a) => n + a.length, 0) < 400) await new Promise((r) => setTimeout(r, 20));
  await s.kill();
  await Promise.all(tills);

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
