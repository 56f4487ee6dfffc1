// A randomized ledger simulation in the spirit of TigerBeetle's simulator:
// thousands of random operations from a printed seed (purchases with extreme
// values in three currencies, returns, redemptions, expiry runs, adjustments,
// idempotent replays, erasures) against the real server on a real SQLite
// file. After every step it checks, for every account, that the balance
// equals the sum of its entries, the open lots sum to max(balance, 0), the
// balance stays within its bound, and that every replay gave the first answer.
//
//   node tests/simulation/ledger-simulation.mjs --seed 7 --steps 600
// Exits non-zero with the seed and step on the first broken invariant.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { Server, ADMIN_EMAIL, ADMIN_PASSWORD } from '../http/harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const seed = Number(args.seed ?? Date.now() % 1_000_000);
const steps = Number(args.steps ?? 500);
const MAX_BALANCE = 1_000_000_000;
const MAX_STEPS = 1_000_000;
if (!Number.isInteger(seed) || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
  console.error(`usage: ledger-simulation.mjs --seed N --steps 1..${MAX_STEPS}`);
  process.exit(2);
}
console.log(`ledger simulation: seed ${seed}, ${steps} steps (rerun with --seed ${seed} --steps ${steps})`);

// mulberry32: small, seedable, good enough to pick operations.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
// Log-uniform: as many tiny as huge values, so both ends of every bound are hit.
const magnitude = (max) => Math.max(1, Math.floor(Math.exp(random() * Math.log(max))));

function fail(step, message) {
  console.error(`INVARIANT BROKEN at step ${step} (seed ${seed}): ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

const server = new Server({ env: { MAX_PURCHASE_TOTAL_MINOR: '1000000000000', MAX_LINE_TOTAL_MINOR: '1000000000000',
  MAX_POINTS_PER_TRANSACTION: '100000000', MAX_POINTS_BALANCE: String(MAX_BALANCE) } });

function checkInvariants(step) {
  const db = path.join(server.dir, 'patron.db');
  const query = `SELECT a.customer_id, a.points_balance, a.entry_count,
      (SELECT COALESCE(SUM(points), 0) FROM ledger_entries e WHERE e.customer_id = a.customer_id),
      (SELECT COUNT(*) FROM ledger_entries e WHERE e.customer_id = a.customer_id),
      (SELECT COALESCE(SUM(remaining), 0) FROM point_lots l WHERE l.customer_id = a.customer_id),
      (SELECT COUNT(*) FROM ledger_entries e WHERE e.customer_id = a.customer_id AND e.balance_after NOT BETWEEN -${MAX_BALANCE} AND ${MAX_BALANCE})
    FROM accounts a;`;
  const r = spawnSync('sqlite3', ['-readonly', '-separator', ' ', db, query], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) fail(step, `sqlite3 failed: ${r.stderr}`);
  for (const line of r.stdout.trim().split('\n').filter(Boolean)) {
    const [id, balance, entryCount, entrySum, entries, lots, outOfBounds] = line.split(' ');
    const b = BigInt(balance);
    if (b !== BigInt(entrySum)) fail(step, `${id}: balance ${balance} != sum of entries ${entrySum}`);
    if (entryCount !== entries) fail(step, `${id}: entry_count ${entryCount} != ${entries} entries`);
    const open = b > 0n ? b : 0n;
    if (BigInt(lots) !== open) fail(step, `${id}: lots ${lots} != max(balance, 0) = ${open}`);
    if (b > BigInt(MAX_BALANCE) || b < -BigInt(MAX_BALANCE)) fail(step, `${id}: balance ${balance} out of bounds`);
    if (outOfBounds !== '0') fail(step, `${id}: ${outOfBounds} entries with balance_after out of bounds`);
  }
}

const expectStatus = (step, what, r, allowed) => {
  if (!allowed.includes(r.status)) fail(step, `${what}: status ${r.status} not in [${allowed}]: ${r.text.slice(0, 300)}`);
};

const nowIso = (offsetDays) => new Date(Date.now() - offsetDays * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');

// The program the operations act on (rewards from 1 to 900 million points, two
// foreign currencies, a till's API key, six customers) and what the simulation
// remembers of the server's answers.
async function setUpWorld() {
  const admin = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  const program = await server.setupProgram(admin, { rewardCost: 100 });
  const rewards = [program.reward];
  for (const cost of [1, 5_000, 10_000_000, 900_000_000]) {
    rewards.push(await server.create(admin, 'rewards', { name: `Reward ${cost}`, points_cost: cost }));
  }
  await server.create(admin, 'earning-rules', { name: 'Coffee x3', kind: 'category_multiplier', target: 'coffee', multiplier_permille: 3000 });
  for (const [code, rate] of [['JPY', '0.0067'], ['KWD', '3.25']]) {
    const r = await server.api('PUT', `/api/v1/admin/currency-rates/${code}`, { token: admin, body: { rate } });
    if (r.status !== 200) throw new Error(`rate ${code}: ${r.status} ${r.text}`);
  }
  const k = await server.api('POST', '/api/v1/admin/api-keys', { token: admin, body: { store_id: program.store.id } });
  const customers = [];
  for (let i = 0; i < 6; i++) customers.push({ ...(await server.registerCustomer(`Sim ${i}`)), erased: false });
  return {
    admin,
    store: program.store,
    rewards,
    tillKey: k.json.key,
    customers,
    skus: Object.values(program.products).map((p) => p.sku),
    purchases: [],    // {id, customer, lines: [{sku, quantity, returned}]}
    replayable: [],   // {method, urlPath, auth, body, key, owner, status, text}
  };
}

// `owner`: the customer whose own token sent it; once erased, their replies are gone with their account.
async function send(world, step, method, urlPath, auth, body, allowed, owner = null) {
  const key = random() < 0.3 ? crypto.randomUUID() : null;
  const r = await server.api(method, urlPath, { ...auth, body, headers: key ? { 'idempotency-key': key } : {} });
  expectStatus(step, `${method} ${urlPath}`, r, allowed);
  if (key && r.status < 300) world.replayable.push({ method, urlPath, auth, body, key, owner, status: r.status, text: r.text });
  return r;
}

const operations = {
  async purchase(world, step) {
    const c = pick(world.customers);
    const lines = Array.from({ length: between(1, 4) }, () => ({
      sku: pick(world.skus), quantity: magnitude(100_000), unit_price_minor: magnitude(100_000_000_000) }));
    const body = { customer: { id: c.id }, store_id: world.store.id, currency: pick(['USD', 'USD', 'JPY', 'KWD']),
      occurred_at: nowIso(random() < 0.2 ? between(366, 399) : between(0, 30)), lines };
    const r = await send(world, step, 'POST', '/api/v1/pos/purchases', { apiKey: world.tillKey }, body, c.erased ? [404] : [201, 422]);
    if (r.status === 422 && r.json.error.code !== 'limit_exceeded') fail(step, `unexpected 422 ${r.text}`);
    if (r.status === 201) world.purchases.push({ id: r.json.transaction_id, customer: c, lines: lines.map((l) => ({ ...l, returned: 0 })) });
  },
  async return(world, step) {
    const open = world.purchases.filter((p) => p.lines.some((l) => l.returned < l.quantity));
    if (!open.length) return;
    const p = pick(open);
    const line = pick(p.lines.filter((l) => l.returned < l.quantity));
    const quantity = between(1, line.quantity - line.returned);
    const sameSku = p.lines.filter((l) => l.sku === line.sku);
    const left = sameSku.reduce((n, l) => n + l.quantity - l.returned, 0);
    const r = await send(world, step, 'POST', '/api/v1/pos/returns', { apiKey: world.tillKey },
      { transaction_id: p.id, lines: [{ sku: line.sku, quantity: Math.min(quantity, left) }] }, [201, 422]);
    if (r.status === 201) {
      let wanted = Math.min(quantity, left);
      for (const l of sameSku) { const taken = Math.min(wanted, l.quantity - l.returned); l.returned += taken; wanted -= taken; }
    }
  },
  async redeem(world, step) {
    const c = pick(world.customers);
    const r = await send(world, step, 'POST', '/api/v1/me/redemptions', { token: c.token }, { reward_id: pick(world.rewards).id },
      c.erased ? [401] : [201, 409], c);
    if (c.erased && r.json?.error?.code !== 'account_closed') fail(step, `erased customer redeemed: ${r.text}`);
  },
  async adjust(world, step) {
    const c = pick(world.customers);
    const points = (random() < 0.5 ? -1 : 1) * magnitude(10_000_000);
    await send(world, step, 'POST', `/api/v1/admin/customers/${c.id}/adjustments`, { token: world.admin }, { points, reason: 'simulation' },
      c.erased ? [409] : [201, 409, 422]);
  },
  async expire(world, step) {
    const r = server.runCli(['expire']);
    if (r.status !== 0) fail(step, `patron expire failed: ${r.stderr}`);
  },
  async replay(world, step) {
    if (!world.replayable.length) return;
    const first = pick(world.replayable);
    const r = await server.api(first.method, first.urlPath, { ...first.auth, body: first.body, headers: { 'idempotency-key': first.key } });
    if (first.owner?.erased) {
      if (r.status !== 401 || r.json?.error?.code !== 'account_closed') fail(step, `an erased customer's replay gave ${r.status} ${r.text}`);
      return;
    }
    if (r.status !== first.status || r.text !== first.text) {
      fail(step, `replay of ${first.method} ${first.urlPath} gave ${r.status} ${r.text.slice(0, 200)}, first ${first.status} ${first.text.slice(0, 200)}`);
    }
  },
  async erase(world, step) {
    const alive = world.customers.filter((c) => !c.erased);
    if (alive.length <= 2) return;
    const c = pick(alive);
    const r = await server.api('DELETE', '/api/v1/me', { token: c.token });
    expectStatus(step, 'DELETE /me', r, [204]);
    c.erased = true;
  },
};
const WEIGHTS = [['purchase', 40], ['return', 15], ['redeem', 15], ['adjust', 10], ['replay', 12], ['expire', 2], ['erase', 1]];

async function main() {
  await server.start();
  const world = await setUpWorld();
  const counts = {};
  const total = WEIGHTS.reduce((n, [, w]) => n + w, 0);
  for (let step = 1; step <= steps; step++) {
    let roll = random() * total;
    const [name] = WEIGHTS.find(([, w]) => (roll -= w) < 0) ?? WEIGHTS[0];
    counts[name] = (counts[name] ?? 0) + 1;
    await operations[name](world, step);
    checkInvariants(step);
  }
  console.log(`ok: ${steps} steps, invariants held after each; operations ${JSON.stringify(counts)}`);
}

try {
  await main();
} catch (e) {
  if (!process.exitCode) {
    console.error(`simulation failed (seed ${seed}): ${e.stack}`);
    process.exitCode = 1;
  }
  console.error(server.log.slice(-20).join(''));
} finally {
  await server.stop();
}
