// Issue 12's findings on the HTTP surface, each sent as the issue describes it:
// idempotency scope (4), erased accounts (3), static files (5), headers and logs (9).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BACKEND, PATRON_BIN, Server, useServer, unique } from './harness.mjs';

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

// ---- 5. Static files ---------------------------------------------------------

// Sends `rawPath` exactly as given (fetch would normalize "..").
function rawGet(server, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'GET', path: rawPath }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describeStatic();
function describeStatic() {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-static-'));
  const root = path.join(top, 'dist');
  const SECRET = 'top secret beside the web root';
  const INDEX = '<!doctype html><title>portal</title>';
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.mkdirSync(path.join(top, 'dist-private'));
  fs.writeFileSync(path.join(top, 'dist-private', 'secret.txt'), SECRET);
  const web = new Server({ env: { PATRON_WEB_ROOT: root } });
  before(async () => { await web.start(); });
  after(async () => { await web.stop(); fs.rmSync(top, { recursive: true, force: true }); });

  test('5: GET /../dist-private/secret.txt does not serve the sibling folder', async () => {
    const r = await rawGet(web, '/../dist-private/secret.txt');
    assert.equal(r.status, 404, r.text);
    assert.equal(JSON.parse(r.text).error.code, 'not_found');
    assert.ok(!r.text.includes(SECRET));
  });

  test('5: //<absolute path> names a path under the web root, not the file system', async () => {
    const r = await rawGet(web, `/${path.join(top, 'dist-private', 'secret.txt')}`);
    assert.ok(!r.text.includes(SECRET), r.text);
    assert.equal(r.status, 200);
    assert.equal(r.text, INDEX, 'no such file under the root: the portal answers (client-side routes)');
  });

  test('5: traversals that stay inside the root and ordinary files are served', async () => {
    const asset = await rawGet(web, '/assets/../assets/app-1234.js');
    assert.equal(asset.status, 200);
    assert.equal(asset.text, 'console.log(1)');
    const route = await rawGet(web, '/rewards/123');
    assert.equal(route.status, 200);
    assert.equal(route.text, INDEX);
    const deep = await rawGet(web, '/assets/../../dist/index.html');
    assert.equal(deep.status, 200, 'back into the root by its own name is still inside');
    assert.equal(deep.text, INDEX);
  });
}

// ---- 9. Headers and logs -----------------------------------------------------

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
  + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(headers, what) {
  const get = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name]);
  assert.equal(get('content-security-policy'), CSP, what);
  assert.equal(get('x-frame-options'), 'DENY', what);
  assert.equal(get('referrer-policy'), 'no-referrer', what);
  assert.equal(get('permissions-policy'), 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', what);
  assert.equal(get('x-content-type-options'), 'nosniff', what);
}

test('9: API answers carry the security headers and Cache-Control: no-store', async () => {
  const c = await s.registerCustomer();
  const me = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(me.status, 200);
  expectSecurityHeaders(me.headers, 'GET /me');
  assert.equal(me.headers.get('cache-control'), 'no-store');
  const ledger = await s.api('GET', '/api/v1/me/ledger', { token: c.token });
  assert.equal(ledger.headers.get('cache-control'), 'no-store');
  const missing = await s.api('GET', '/api/v1/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('cache-control'), 'no-store', 'errors too');
  expectSecurityHeaders(missing.headers, '404');
});

test('9: the built portal satisfies the policy: no inline script or style in its HTML', () => {
  const dist = path.resolve(import.meta.dirname, '../../web/dist/index.html');
  const source = path.resolve(import.meta.dirname, '../../web/index.html');
  for (const file of [dist, source].filter((f) => fs.existsSync(f))) {
    const html = fs.readFileSync(file, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      assert.match(tag, /\ssrc=/, `${file}: every script is loaded from a file (script-src 'self'): ${tag}`);
      assert.match(tag, /^<script\b[^>]*>\s*<\/script>$/i, `${file}: no inline code: ${tag}`);
    }
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i, `${file}: no inline style or event handler`);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, `${file}: nothing from another origin`);
  }
  assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
});

test('9: the portal and its assets carry the security headers too', async () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-csp-'));
  fs.writeFileSync(path.join(top, 'index.html'), '<!doctype html><title>p</title>');
  const web = new Server({ env: { PATRON_WEB_ROOT: top } });
  await web.start();
  try {
    const page = await rawGet(web, '/');
    assert.equal(page.status, 200);
    expectSecurityHeaders(page.headers, 'index.html');
    assert.equal(page.headers['cache-control'], 'no-cache', 'the portal keeps its own Cache-Control');
  } finally {
    await web.stop();
    fs.rmSync(top, { recursive: true, force: true });
  }
});

// The log reaches a pipe in batches, at least once a second.
async function logLinesContaining(server, text) {
  let lines = [];
  for (let waited = 0; waited < 3000 && lines.length === 0; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    lines = server.log.join('').split('\n').filter((line) => line.includes(text));
  }
  return lines;
}

test('9: a path like /x","injected":"yes cannot forge a field in the access log', async () => {
  const tag = unique('inj');
  const r = await rawGet(s, `/${tag}","injected":"yes`);
  assert.equal(r.status, 404);
  const lines = await logLinesContaining(s, tag);
  assert.equal(lines.length, 1, lines.join('\n'));
  const entry = JSON.parse(lines[0].slice(lines[0].indexOf('{"method"')));
  assert.equal(entry.path, `/${tag}","injected":"yes`);
  assert.equal(entry.injected, undefined);
  assert.deepEqual(Object.keys(entry), ['method', 'path', 'route', 'status', 'bytes', 'latency_ms', 'client']);
});

test('9: credentials in DOCUMENT_STORE / MONGO_URI and DATABASE_URL are not printed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-redact-'));
  try {
    const run = (env, args) => {
      const all = { ...s.env, ...env };
      delete all.DOCUMENT_STORE;  // MONGO_URI then names the behaviour store
      return spawnSync(PATRON_BIN, args, { cwd: dir, env: all, encoding: 'utf8', timeout: 30_000 });
    };
    const mongo = run({ MONGO_URI: 'mongo://patron:hunter2secret@127.0.0.1:1/patron',
      DATABASE_URL: `sqlite://${dir}/p.db` }, ['serve']);
    const mongoOut = mongo.stdout + mongo.stderr;
    assert.notEqual(mongo.status, 0, mongoOut);
    assert.ok(mongoOut.includes('mongo://patron:***@127.0.0.1:1/patron'), mongoOut);
    assert.ok(!mongoOut.includes('hunter2secret'), mongoOut);
    const sql = run({ DATABASE_URL: 'mysql://patron:hunter2secret@127.0.0.1:1/patron' }, ['migrate']);
    assert.notEqual(sql.status, 0);
    assert.ok(!(sql.stdout + sql.stderr).includes('hunter2secret'), sql.stdout + sql.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The first address of this machine that is not loopback, to reach the server as a remote client would.
function outsideAddress() {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

function getFrom(host, port, urlPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method: 'GET', path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

const outside = outsideAddress();
test('9: /metrics answers loopback clients and a bearer METRICS_TOKEN only', { skip: outside ? false : 'no non-loopback address on this machine' }, async () => {
  const token = `mt-${unique('t')}`;
  const server = new Server({ env: { BIND_ADDRESS: '0.0.0.0', METRICS_TOKEN: token } });
  await server.start();
  try {
    const local = await getFrom('127.0.0.1', server.port, '/metrics');
    assert.equal(local.status, 200);
    assert.match(local.text, /patron_http_requests_total|# TYPE/);
    const remote = await getFrom(outside, server.port, '/metrics');
    assert.equal(remote.status, 403, remote.text);
    assert.equal(JSON.parse(remote.text).error.code, 'forbidden');
    const wrong = await getFrom(outside, server.port, '/metrics', { authorization: `Bearer ${token}x` });
    assert.equal(wrong.status, 403);
    const right = await getFrom(outside, server.port, '/metrics', { authorization: `Bearer ${token}` });
    assert.equal(right.status, 200, right.text);
    const health = await getFrom(outside, server.port, '/healthz');
    assert.equal(health.status, 200, 'other ops endpoints stay open');
  } finally {
    await server.stop();
  }
});

test('9: without METRICS_TOKEN a remote client gets 403 even with some bearer token', { skip: outside ? false : 'no non-loopback address on this machine' }, async () => {
  const server = new Server({ env: { BIND_ADDRESS: '0.0.0.0' } });
  await server.start();
  try {
    const remote = await getFrom(outside, server.port, '/metrics', { authorization: 'Bearer ' });
    assert.equal(remote.status, 403, remote.text);
  } finally {
    await server.stop();
  }
});
