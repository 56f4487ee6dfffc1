// Issue 12's findings on the HTTP surface, each sent as the issue describes it:
// static files (5), headers and logs (9). Idempotency scope and erased
// accounts: hardening-idempotency-erasure.test.mjs.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PATRON_BIN, Server, useServer, unique } from './harness.mjs';

const s = useServer();

// ---- 5. Static files ---------------------------------------------------------

// Sends `rawPath` exactly as given (fetch would normalize "..").
function rawGet(server, rawPath) {
  return getFrom('127.0.0.1', server.port, rawPath);
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
