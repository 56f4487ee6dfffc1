// Issue 12's findings on what the server stores, each sent as the issue
// describes it: idempotency scope (4) and erased accounts (3), checked in the
// server's own database. Static files, headers and logs: hardening.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BACKEND, Server, useServer, unique } from './harness.mjs';

const s = useServer();
const DAY_SECONDS = 24 * 3600;

// Runs one SQL statement on a server's own database; returns the rows as text
// (columns tab-separated, one row a line).
function sqlOn(server, statement) {
  const url = server.databaseUrl;
  let r;
  if (BACKEND === 'sqlite') {
    r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', '-separator', '\t', url.replace(/^sqlite:\/\//, ''), statement],
      { encoding: 'utf8', timeout: 60_000 });
  } else if (BACKEND === 'mysql') {
    const u = new URL(url);
    r = spawnSync('mariadb', ['--no-defaults', '-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username),
      `-p${decodeURIComponent(u.password)}`, '-N', '-B', u.pathname.slice(1), '-e', statement], { encoding: 'utf8', timeout: 60_000 });
  } else {
    r = spawnSync('psql', [url.replace(/^postgres(ql)?:/, 'postgresql:'), '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', statement],
      { encoding: 'utf8', timeout: 60_000 });
  }
  if (r.status !== 0) throw new Error(`${BACKEND} client failed on "${statement}": ${r.stderr}${r.error ?? ''}`);
  return r.stdout.trim();
}
const countRows = (server, where) => Number(sqlOn(server, `SELECT COUNT(*) FROM idempotency_keys WHERE ${where}`));
const quoted = (text) => `'${text.replaceAll("'", "''")}'`;
const ageRows = (server, where, seconds) =>
  sqlOn(server, `UPDATE idempotency_keys SET created_at = created_at - ${seconds} WHERE ${where}`);

// ---- 4. Idempotency scope --------------------------------------------------

test('4: POST /auth/refresh replayed with the same Idempotency-Key is not replayed; reuse is detected', async () => {
  const c = await s.registerCustomer();
  const key = unique('refresh-');
  const send = () => s.api('POST', '/api/v1/auth/refresh', { body: { refresh_token: c.refresh }, headers: { 'idempotency-key': key } });
  const first = await send();
  assert.equal(first.status, 200, first.text);
  const second = await send();
  assert.equal(second.status, 401, `the spent token is refused, not the first pair replayed: ${second.text}`);
  assert.equal(second.json.error.code, 'unauthorized');
  assert.equal(second.headers.get('idempotent-replayed'), null);
  const rotated = await s.api('POST', '/api/v1/auth/refresh', { body: { refresh_token: first.json.refresh_token } });
  assert.equal(rotated.status, 401, 'reuse revoked the whole family, the pair issued first included');
  assert.equal(countRows(s, `response_body LIKE ${quoted(`%${first.json.refresh_token}%`)}`), 0, 'no token stored');
});

test('4: anonymous callers do not share one Idempotency-Key scope', async () => {
  const key = unique('anon-');
  const register = (name) => s.api('POST', '/api/v1/auth/register', {
    body: { email: `${unique('c')}@example.test`, password: 'password-123', name }, headers: { 'idempotency-key': key },
  });
  const first = await register('First Anonymous');
  assert.equal(first.status, 201, first.text);
  const second = await register('Second Anonymous');
  assert.equal(second.status, 201, `another sign-up under the same key is its own request: ${second.text}`);
  assert.notEqual(second.json.customer.id, first.json.customer.id);
  assert.equal(countRows(s, `scope LIKE '%/api/v1/auth/%'`), 0, 'nothing of /auth/* is stored');
});

test('4: an API key is never stored in, nor replayed from, the idempotency table', async () => {
  const store = await s.create(s.adminToken, 'stores', { code: unique('ST').toUpperCase(), name: 'Key store' });
  const key = unique('apikey-');
  const create = () => s.api('POST', '/api/v1/admin/api-keys', {
    token: s.adminToken, body: { store_id: store.id, name: 'till' }, headers: { 'idempotency-key': key },
  });
  const first = await create();
  assert.equal(first.status, 201, first.text);
  const second = await create();
  assert.equal(second.status, 201, second.text);
  assert.equal(second.headers.get('idempotent-replayed'), null);
  assert.notEqual(second.json.key, first.json.key, 'a new key, not the first one replayed');
  assert.equal(countRows(s, `response_body LIKE ${quoted(`%${first.json.key}%`)}`), 0);
  assert.equal(countRows(s, `response_body LIKE '%"key":"pk_%'`), 0);
});

test('4: the same key is still replayed for the same principal', async () => {
  const c = await s.registerCustomer();
  const key = unique('patch-');
  const patch = (phone) => s.api('PATCH', '/api/v1/me', { token: c.token, body: { phone }, headers: { 'idempotency-key': key } });
  const first = await patch('+15550001');
  assert.equal(first.status, 200, first.text);
  const again = await patch('+15550001');
  assert.equal(again.status, 200);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.text, first.text);
  const other = await patch('+15550002');
  assert.equal(other.status, 409);
  assert.equal(other.json.error.code, 'conflict');
});

test('4: a key older than 24 h counts as unused and is overwritten', async () => {
  const c = await s.registerCustomer();
  const key = unique('old-');
  const patch = (phone) => s.api('PATCH', '/api/v1/me', { token: c.token, body: { phone }, headers: { 'idempotency-key': key } });
  assert.equal((await patch('+15550011')).status, 200);
  ageRows(s, `idem_key = ${quoted(key)}`, DAY_SECONDS + 5);
  const later = await patch('+15550012');
  assert.equal(later.status, 200, `a day later the key is free again: ${later.text}`);
  assert.equal(later.headers.get('idempotent-replayed'), null);
  assert.equal(later.json.phone, '+15550012');
  const replay = await patch('+15550012');
  assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'the new record is replayed');
  assert.equal(countRows(s, `idem_key = ${quoted(key)}`), 1);
});

test('4: patron expire purges keys older than 24 h and keeps younger ones', async () => {
  const c = await s.registerCustomer();
  const [oldKey, newKey] = [unique('purge-old-'), unique('purge-new-')];
  for (const [key, phone] of [[oldKey, '+15550021'], [newKey, '+15550022']]) {
    const r = await s.api('PATCH', '/api/v1/me', { token: c.token, body: { phone }, headers: { 'idempotency-key': key } });
    assert.equal(r.status, 200, r.text);
  }
  ageRows(s, `idem_key = ${quoted(oldKey)}`, DAY_SECONDS + 5);
  const run = s.runCli(['expire']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /purged idempotency keys older than 24 h/);
  assert.equal(countRows(s, `idem_key = ${quoted(oldKey)}`), 0);
  assert.equal(countRows(s, `idem_key = ${quoted(newKey)}`), 1);
});

test('4: the server purges expired keys itself (at start and every 10 minutes)', async () => {
  const own = new Server();
  await own.start();
  try {
    const key = unique('server-purge-');
    const c = await own.registerCustomer();
    const stored = await own.api('PATCH', '/api/v1/me', { token: c.token, body: { phone: '+15550031' }, headers: { 'idempotency-key': key } });
    assert.equal(stored.status, 200, stored.text);
    ageRows(own, `idem_key = ${quoted(key)}`, DAY_SECONDS + 5);
    await own.kill();
    await own.restart();
    let left = 1;
    for (let i = 0; i < 50 && left > 0; i++) {
      left = countRows(own, `idem_key = ${quoted(key)}`);
      if (left > 0) await new Promise((done) => setTimeout(done, 100));
    }
    assert.equal(left, 0, 'purged by the server at start');
  } finally {
    await own.stop();
  }
});

// ---- 3. Erased and disabled accounts -----------------------------------------

const CUSTOMER_ROUTES = [
  ['GET', '/api/v1/me'], ['PATCH', '/api/v1/me'], ['POST', '/api/v1/me/password'], ['GET', '/api/v1/me/transactions'],
  ['GET', '/api/v1/me/ledger'], ['GET', '/api/v1/rewards'], ['POST', '/api/v1/me/redemptions'], ['GET', '/api/v1/me/redemptions'],
  ['GET', '/api/v1/me/preferences'], ['PUT', '/api/v1/me/preferences'], ['POST', '/api/v1/me/feedback'], ['POST', '/api/v1/me/events'],
  ['GET', '/api/v1/me/export'], ['DELETE', '/api/v1/me'],
];

function expectClosed(r, what) {
  assert.equal(r.status, 401, `${what}: ${r.text}`);
  assert.equal(r.json.error.code, 'account_closed', what);
}

test('3: after DELETE /me the still-valid access token can neither redeem nor read the ledger', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  const c = await s.registerCustomer('Erin Erased');
  const bought = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 1 }]);
  assert.equal(bought.status, 201, bought.text);
  const erased = await s.api('DELETE', '/api/v1/me', { token: c.token });
  assert.equal(erased.status, 204, erased.text);

  expectClosed(await s.api('POST', '/api/v1/me/redemptions', { token: c.token, body: { reward_id: program.reward.id } }),
    'POST /me/redemptions');
  expectClosed(await s.api('GET', '/api/v1/me/ledger', { token: c.token }), 'GET /me/ledger');
  const ledger = await s.api('GET', `/api/v1/admin/customers/${c.id}`, { token: s.adminToken });
  assert.equal(ledger.json.account.points_balance, bought.json.balance_after, 'nothing was redeemed');
});

test('3: every customer route answers 401 account_closed for an erased account', async () => {
  const c = await s.registerCustomer();
  assert.equal((await s.api('GET', '/api/v1/me', { token: c.token })).status, 200, 'cached as active first');
  assert.equal((await s.api('DELETE', '/api/v1/me', { token: c.token })).status, 204);
  for (const [method, path] of CUSTOMER_ROUTES) {
    expectClosed(await s.api(method, path, { token: c.token, body: method === 'GET' ? undefined : {} }), `${method} ${path}`);
  }
});

test('3: a disabled account is closed too (seen within the 5 s status cache)', async () => {
  const c = await s.registerCustomer();
  sqlOn(s, `UPDATE users SET status = 'disabled' WHERE id = ${quoted(c.id)}`);
  let r;
  for (let i = 0; i < 70; i++) {
    r = await s.api('GET', '/api/v1/me/ledger', { token: c.token });
    if (r.status !== 200) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  expectClosed(r, 'GET /me/ledger of a disabled account');
});

test('3: erasure removes personal data from stored idempotent replies', async () => {
  const c = await s.registerCustomer('Ida Idempotent');
  const patched = await s.api('PATCH', '/api/v1/me', {
    token: c.token, body: { phone: '+15557654321' }, headers: { 'idempotency-key': unique('own-') },
  });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(countRows(s, `scope LIKE ${quoted(`${c.id} %`)}`), 1, 'the own reply is stored');
  // A reply stored under another principal's scope that carries this customer's
  // data (as an anonymous sign-up's reply was stored before this fix).
  const otherScope = 'key:legacy POST /api/v1/auth/register';
  const otherKey = unique('legacy-');
  const body = JSON.stringify({ customer: { id: c.id, email: c.email, name: 'Ida Idempotent', phone: '+15557654321',
    card_number: c.card_number, points: 7 }, note: 'kept' });
  sqlOn(s, `INSERT INTO idempotency_keys (scope, idem_key, request_hash, status_code, response_body, created_at) VALUES (${quoted(otherScope)}, ${quoted(otherKey)}, 'h', 201, ${quoted(body)}, ${Math.floor(Date.now() / 1000)})`);

  assert.equal((await s.api('DELETE', '/api/v1/me', { token: c.token })).status, 204);
  assert.equal(countRows(s, `scope LIKE ${quoted(`${c.id} %`)}`), 0, 'the own replies are deleted');
  const kept = sqlOn(s, `SELECT response_body FROM idempotency_keys WHERE scope = ${quoted(otherScope)} AND idem_key = ${quoted(otherKey)}`);
  assert.deepEqual(JSON.parse(kept), { customer: { id: c.id, email: '[erased]', name: '[erased]', phone: '[erased]',
    card_number: '[erased]', points: 7 }, note: 'kept' }, 'the other reply stays, redacted');
});
