// Erasure's second pass (routes_privacy.cpp erase_me): DELETE /me erases the
// behaviour documents, then commits the SQL erasure, then erases the documents
// again. Events and feedback that arrive between the first pass and the commit
// (the account is still active, so they are accepted) must be gone too. The
// test holds the SQL commit back from outside (a lock on the customer's row,
// or SQLite's write lock, taken with the database's own command-line client),
// posts documents once the first pass is over, lets the commit go, and reads
// the documents back through the API: the 360° view (preferences, feedback)
// and the affinity analysis's count of the stored events (`patron analyze all`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BACKEND, useServer } from './harness.mjs';
import { waitFor, within } from './wait.mjs';

const s = useServer();
const BOUND_MS = 60_000;

// Holds the SQL erasure's commit back until release(): SQLite's write lock
// (BEGIN IMMEDIATE; Patron's writer waits up to its 5 s busy timeout, so the
// hold must end well before), or on the servers a row lock on the customer,
// which the erasure's UPDATE waits for (plain reads do not).
async function holdTheErasure(customerId) {
  let command, args, lock;
  if (BACKEND === 'sqlite') {
    command = 'sqlite3';
    args = [s.databaseUrl.slice('sqlite://'.length)];
    lock = '.timeout 20000\nBEGIN IMMEDIATE;\n';
  } else if (BACKEND === 'mysql') {
    const u = new URL(s.databaseUrl);
    command = 'mariadb';
    args = ['--no-defaults', '-h', u.hostname, '-P', u.port, '-u', decodeURIComponent(u.username),
      `-p${decodeURIComponent(u.password)}`, '--batch', '--unbuffered', '--skip-column-names', u.pathname.slice(1)];
    lock = `BEGIN; SELECT id FROM users WHERE id = '${customerId}' FOR UPDATE;\n`;
  } else {
    command = 'psql';
    args = [s.databaseUrl.replace(/^postgres(ql)?:/, 'postgresql:'), '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'];
    lock = `BEGIN; SELECT id FROM users WHERE id = '${customerId}' FOR UPDATE;\n`;
  }
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Written so that only the answer, never an echo of the statement, reads "lockheld".
  child.stdin.write(`${lock}SELECT ${BACKEND === 'mysql' ? "CONCAT('lock', 'held')" : "'lock' || 'held'"};\n`);
  await waitFor(() => output.includes('lockheld') || child.exitCode !== null,
    { timeoutMs: BOUND_MS, message: () => `${command} to take the lock: ${output}` });
  assert.ok(output.includes('lockheld'), `${command} could not take the lock: ${output}`);
  return {
    async release() {
      child.stdin.end('COMMIT;\n');
      const code = await within(BOUND_MS, exited, `${command} releasing the lock`);
      assert.equal(code, 0, `${command}: ${output}`);
    },
    kill() { if (child.exitCode === null) child.kill('SIGKILL'); },
  };
}

const view = async (id) => {
  const r = await s.api('GET', `/api/v1/admin/customers/${id}`, { token: s.adminToken });
  assert.equal(r.status, 200, r.text);
  return r.json;
};
// Views of a catalog product, so that the affinity analysis counts each one it reads.
const events = (n, sku) => Array.from({ length: n }, () => ({ type: 'view', sku }));

test('documents that arrive while the erasure commits are erased by its second pass', { timeout: 300_000 }, async () => {
  const program = await s.setupProgram(s.adminToken);
  const leaving = await s.registerCustomer('Leaving Customer');
  const staying = await s.registerCustomer('Staying Customer');
  for (const c of [leaving, staying]) {
    const bought = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
    assert.equal(bought.status, 201, bought.text);
  }
  const post = (c, path, body) => s.api('POST', path, { token: c.token, body });
  assert.equal((await post(staying, '/api/v1/me/events', { events: events(7, program.products.tea.sku) })).status, 202);
  assert.equal((await post(leaving, '/api/v1/me/events', { events: events(5, program.products.tea.sku) })).status, 202);
  assert.equal((await post(leaving, '/api/v1/me/feedback', { rating: 4, text: 'before the erasure' })).status, 201);
  const prefs = await s.api('PUT', '/api/v1/me/preferences', { token: leaving.token, body: { channels: ['email'] } });
  assert.equal(prefs.status, 200, prefs.text);
  assert.equal((await view(leaving.id)).recent_feedback.length, 1);

  const hold = await holdTheErasure(leaving.id);
  let erased;
  try {
    erased = s.api('DELETE', '/api/v1/me', { token: leaving.token });
    // The first pass is over once the documents are gone; the SQL commit waits for the lock.
    await waitFor(async () => {
      const v = await view(leaving.id);
      return v.recent_feedback.length === 0 && Object.keys(v.preferences).length === 0;
    }, { timeoutMs: BOUND_MS, message: 'the first pass to erase the documents' });
    assert.equal((await view(leaving.id)).status, 'active', 'the SQL erasure has not committed yet');
    // Racing in: accepted, since the account is still active.
    const raced = await post(leaving, '/api/v1/me/events', { events: events(11, program.products.mug.sku) });
    assert.equal(raced.status, 202, raced.text);
    const feedback = await post(leaving, '/api/v1/me/feedback', { rating: 2, text: 'during the erasure' });
    assert.equal(feedback.status, 201, feedback.text);
    assert.equal((await view(leaving.id)).recent_feedback.length, 1, 'the raced feedback is stored');
    await hold.release();
  } finally {
    hold.kill();
  }
  const done = await within(BOUND_MS, erased, 'DELETE /me');
  assert.equal(done.status, 204, done.text);

  const after = await view(leaving.id);
  assert.equal(after.status, 'erased');
  assert.deepEqual(after.recent_feedback, [], 'feedback that raced in is erased by the second pass');
  assert.deepEqual(after.preferences, {});
  assert.equal((await view(staying.id)).status, 'active');

  // The events still stored, read back through the analysis (it blends every
  // stored view of a catalog product by a customer with purchases): only the
  // other customer's 7.
  const run = s.runCli(['analyze', 'all']);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  const affinities = await s.api('GET', '/api/v1/admin/analytics/affinities', { token: s.adminToken });
  assert.equal(affinities.status, 200, affinities.text);
  assert.equal(affinities.json.events?.blended, 7, `events still stored after the erasure: ${JSON.stringify(affinities.json.events)}`);
  const late = await post(leaving, '/api/v1/me/events', { events: events(1, program.products.mug.sku) });
  assert.equal(late.status, 401, 'no events are accepted after the erasure');
});
