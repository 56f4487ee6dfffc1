// Starts one real Patron server per test file and offers small HTTP helpers.
import { after, before } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { checkResponse } from './contract.mjs';

export const PATRON_BIN = process.env.PATRON_BIN ?? path.resolve(import.meta.dirname, '../../build/release/src/app/patron');
export const ADMIN_EMAIL = 'admin@test.local';

// The SQL backend under test: PATRON_TEST_DATABASE_URL names a server
// (mysql://… or postgresql://…) on which each server gets a fresh database,
// dropped at stop; unset, each server gets a temporary SQLite file.
export const DATABASE_URL = process.env.PATRON_TEST_DATABASE_URL ?? '';
export const BACKEND = DATABASE_URL.startsWith('mysql') || DATABASE_URL.startsWith('mariadb') ? 'mysql'
  : DATABASE_URL.startsWith('postgres') ? 'postgresql' : 'sqlite';
// scripts/test-db-servers.sh, when the run may stop and start the servers.
export const DB_SERVERS = process.env.PATRON_TEST_DB_SERVERS ?? '';

function serverUrl(url, database) {
  const u = new URL(url);
  return `${u.protocol}//${u.username}:${u.password}@${u.hostname}:${u.port || (BACKEND === 'mysql' ? 3306 : 5432)}/${database}`;
}

// Runs one statement on the test server with its command-line client.
export function serverSql(statement) {
  const u = new URL(DATABASE_URL);
  const r = BACKEND === 'mysql'
    ? spawnSync('mariadb', ['--no-defaults', '-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username),
      `-p${decodeURIComponent(u.password)}`, '-e', statement], { encoding: 'utf8', timeout: 60_000 })
    : spawnSync('psql', [DATABASE_URL.replace(/^postgres(ql)?:/, 'postgresql:'), '-q', '-v', 'ON_ERROR_STOP=1', '-c', statement],
      { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${BACKEND} client failed on "${statement}": ${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

function createDatabase() {
  const name = `patron_h_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  serverSql(BACKEND === 'mysql'
    ? `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`
    : `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  return { name, url: serverUrl(DATABASE_URL, name) };
}

function dropDatabase(name) {
  try {
    serverSql(BACKEND === 'mysql' ? `DROP DATABASE IF EXISTS ${name}` : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (e) {
    console.error(`could not drop ${name}: ${e.message}`);
  }
}
export const ADMIN_PASSWORD = 'admin12345';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let counter = 0;
export const unique = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}${crypto.randomBytes(3).toString('hex')}`;

export class Server {
  // `shareDatabaseOf`: another Server whose database this one uses too (two
  // Patron processes on one database); it neither creates nor drops it.
  constructor({ shareDatabaseOf = null, env = {} } = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-http-'));
    this.child = null;
    this.log = [];
    this.shared = shareDatabaseOf;
    this.extraEnv = env;
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    if (this.shared) {
      this.databaseUrl = this.shared.databaseUrl;
    } else if (BACKEND === 'sqlite') {
      this.databaseUrl = `sqlite://${this.dir}/patron.db`;
    } else {
      const db = createDatabase();
      this.databaseName = db.name;
      this.databaseUrl = db.url;
    }
    this.env = {
      ...process.env,
      PORT: String(this.port),
      BIND_ADDRESS: '127.0.0.1',
      DATABASE_URL: this.databaseUrl,
      DOCUMENT_STORE: `rocksdb://${this.dir}/documents`,
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      PATRON_WEB_ROOT: '',
      // The server runs in a temporary directory, so the default relative docs/openapi.yaml would not resolve.
      PATRON_OPENAPI_PATH: process.env.PATRON_OPENAPI_PATH ?? path.resolve(import.meta.dirname, '../../docs/openapi.yaml'),
      ...this.extraEnv,
    };
    if (this.shared) this.env.JWT_SECRET = this.shared.env.JWT_SECRET;  // tokens valid on both
    const created = this.shared ? { status: 0 } : this.runCli(['admin', 'create', '--email', ADMIN_EMAIL, '--password', ADMIN_PASSWORD, '--role', 'admin']);
    if (created.status !== 0) throw new Error(`admin create failed (${created.status}): ${created.stderr}${created.stdout}`);
    return this.launch();
  }

  // Starts the server process again on the same port, database and documents.
  async restart() {
    return this.launch();
  }

  // SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.
  async kill() {
    if (!this.child || this.exited) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await gone;
  }

  async launch() {
    this.child = spawn(PATRON_BIN, ['serve'], { cwd: this.dir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d) => { this.log.push(d.toString()); if (this.log.length > 200) this.log.shift(); };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exited = false;
    this.child.on('exit', () => { this.exited = true; });
    const onExit = () => { try { this.child?.kill('SIGKILL'); } catch {} };
    process.once('exit', onExit);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`server exited early:\n${this.log.join('')}`);
      try {
        // Another test's server may hold the port this one failed to bind: only our own process counts.
        const r = await fetch(`${this.base}/healthz`);
        if (r.status === 200 && (await r.json()).pid === this.child.pid) return this;
      } catch {}
      await sleep(100);
    }
    throw new Error(`server did not become healthy in 10 s:\n${this.log.join('')}`);
  }

  async stop() {
    if (this.child && !this.exited) {
      const gone = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      const t = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(t);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    if (this.databaseName) dropDatabase(this.databaseName);
  }

  runCli(args) {
    const r = spawnSync(PATRON_BIN, args, { cwd: this.dir, env: this.env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  }

  // Every answer is checked against docs/openapi.yaml (contract.mjs): a status the operation does not document
  // or a JSON body its schema rejects fails the calling test. `contract: false` skips that for the one call.
  async api(method, urlPath, { token, apiKey, body, headers = {}, raw, contract = true } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (apiKey) h['x-api-key'] = apiKey;
    let payload;
    if (raw !== undefined) {
      payload = raw;
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${urlPath}`, { method, headers: h, body: payload });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = undefined; }
    if (contract) checkResponse({ method, urlPath, status: res.status, contentType: res.headers.get('content-type') ?? '', json, text });
    return { status: res.status, headers: res.headers, json, text };
  }

  async login(email, password) {
    const r = await this.api('POST', '/api/v1/auth/login', { body: { email, password } });
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${r.text}`);
    return r.json.access_token;
  }

  async loginFull(email, password) {
    return this.api('POST', '/api/v1/auth/login', { body: { email, password } });
  }

  async registerCustomer(name = 'Test Customer') {
    const email = `${unique('c')}@example.test`;
    const password = 'password-123';
    const r = await this.api('POST', '/api/v1/auth/register', { body: { email, password, name } });
    if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.text}`);
    return { email, password, id: r.json.customer.id, card_number: r.json.customer.card_number,
             token: r.json.access_token, refresh: r.json.refresh_token };
  }

  async create(adminToken, resource, body) {
    const r = await this.api('POST', `/api/v1/admin/${resource}`, { token: adminToken, body });
    if (r.status !== 201) throw new Error(`create ${resource} failed: ${r.status} ${r.text}`);
    return r.json;
  }

  // A store, 3 products (one in "coffee"), tiers bronze/silver/gold, a base earning rule, a reward.
  async setupProgram(adminToken, { rewardCost = 100 } = {}) {
    const tag = unique('p').toUpperCase();
    const store = await this.create(adminToken, 'stores', { code: `ST-${tag}`, name: `Store ${tag}` });
    const products = {
      coffee: await this.create(adminToken, 'products', { sku: `COF-${tag}`, name: 'Coffee', category: 'coffee', brand: 'Bean', price_minor: 1000, currency: 'USD' }),
      tea: await this.create(adminToken, 'products', { sku: `TEA-${tag}`, name: 'Tea', category: 'tea', brand: 'Leaf', price_minor: 2000, currency: 'USD' }),
      mug: await this.create(adminToken, 'products', { sku: `MUG-${tag}`, name: 'Mug', category: 'goods', brand: 'Clay', price_minor: 5000, currency: 'USD' }),
    };
    let tiers = (await this.api('GET', '/api/v1/admin/tiers', { token: adminToken })).json.items;
    if (!tiers.some((t) => t.code === 'bronze')) {
      tiers = [
        await this.create(adminToken, 'tiers', { code: 'bronze', name: 'Bronze', threshold_minor: 0, multiplier_permille: 1000 }),
        await this.create(adminToken, 'tiers', { code: 'silver', name: 'Silver', threshold_minor: 50000, multiplier_permille: 1000 }),
        await this.create(adminToken, 'tiers', { code: 'gold', name: 'Gold', threshold_minor: 150000, multiplier_permille: 1000 }),
      ];
      await this.create(adminToken, 'earning-rules', { name: 'Base rate', kind: 'base_rate', rate_milli: 1000 });
    }
    const reward = await this.create(adminToken, 'rewards', { name: `Free coffee ${tag}`, description: 'one coffee', points_cost: rewardCost });
    return { store, products, tiers, reward };
  }

  async purchase(auth, customerId, storeId, lines, { key, headers = {} } = {}) {
    const h = { ...headers };
    if (key) h['idempotency-key'] = key;
    return this.api('POST', '/api/v1/pos/purchases', {
      ...auth, headers: h,
      body: { customer: { id: customerId }, store_id: storeId, currency: 'USD', lines },
    });
  }

  async listAll(token, urlPath) {
    const items = [];
    let cursor = null;
    for (let i = 0; i < 100; i++) {
      const sep = urlPath.includes('?') ? '&' : '?';
      const r = await this.api('GET', `${urlPath}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      if (r.status !== 200) throw new Error(`list ${urlPath}: ${r.status} ${r.text}`);
      items.push(...r.json.items);
      cursor = r.json.next_cursor;
      if (!cursor) break;
    }
    return items;
  }
}

// Registers before/after hooks for one server in the calling test file.
export function useServer() {
  const server = new Server();
  before(async () => { await server.start(); server.adminToken = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD); });
  after(async () => { await server.stop(); });
  return server;
}
