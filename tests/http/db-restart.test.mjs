// The database server restarts under a running Patron: while it is down,
// reads and writes fail fast with 503 unavailable; once it is back, they
// succeed again without restarting Patron. Needs the server-control script
// (PATRON_TEST_DB_SERVERS, set by `scripts/test-db-servers.sh env`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BACKEND, DB_SERVERS, useServer } from './harness.mjs';
import { within } from './wait.mjs';

// Under make test (PATRON_TEST_REQUIRE_SERVERS=1) a missing control script fails instead of skipping.
const required = process.env.PATRON_TEST_REQUIRE_SERVERS === '1';
const skip = BACKEND === 'sqlite' ? 'SQLite has no server to restart'
  : !DB_SERVERS && !required ? 'PATRON_TEST_DB_SERVERS (scripts/test-db-servers.sh) is not set' : false;
const s = useServer();
const which = BACKEND === 'mysql' ? 'mysql' : 'postgres';
// Fast means: well before a stuck connection would give up (the server's
// read_timeout is 60 s). Each request is bounded by itself, generously (it takes
// milliseconds when idle), rather than timed after the fact.
const FAIL_FAST_MS = 30_000;

function control(action) {
  const r = spawnSync('bash', [DB_SERVERS, `${action}-${which}`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${action}-${which}: ${r.stderr}`);
}

test(`requests get 503 while ${BACKEND} is down and succeed after it restarts`, { skip, timeout: 180_000 }, async () => {
  assert.ok(DB_SERVERS, 'PATRON_TEST_REQUIRE_SERVERS=1 but PATRON_TEST_DB_SERVERS (scripts/test-db-servers.sh env) is not set');
  const program = await s.setupProgram(s.adminToken);
  const c = await s.registerCustomer();
  const lines = [{ sku: program.products.coffee.sku, quantity: 1 }];
  assert.equal((await s.purchase({ token: s.adminToken }, c.id, program.store.id, lines)).status, 201);
  assert.equal((await s.api('GET', '/api/v1/me', { token: c.token })).status, 200);

  let restarted = false;
  try {
    control('stop');
    for (const attempt of [1, 2]) {
      const read = await within(FAIL_FAST_MS, s.api('GET', '/api/v1/me', { token: c.token }), `read ${attempt} while down`);
      assert.equal(read.status, 503, `read ${attempt}: ${read.text}`);
      assert.equal(read.json.error.code, 'unavailable');
      const write = await within(FAIL_FAST_MS, s.purchase({ token: s.adminToken }, c.id, program.store.id, lines),
        `write ${attempt} while down`);
      assert.equal(write.status, 503, `write ${attempt}: ${write.text}`);
      assert.equal(write.json.error.code, 'unavailable');
    }
    assert.equal((await s.api('GET', '/healthz')).status, 200, 'liveness does not depend on the database');
  } finally {
    control('start');
    restarted = true;
  }
  assert.ok(restarted);
  // Back without a Patron restart: the first requests already succeed.
  const read = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(read.status, 200, read.text);
  assert.equal(read.json.account.points_balance, 10);
  const write = await s.purchase({ token: s.adminToken }, c.id, program.store.id, lines);
  assert.equal(write.status, 201, write.text);
  assert.equal(write.json.balance_after, 20);
  const me = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.json.account.points_balance, 20);
});
