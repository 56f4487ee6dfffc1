// Analytics endpoints over the stored run: 404 before any run, staff-only,
// and answers from the run `patron analyze all` stores after an import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useServer, unique } from './harness.mjs';

const s = useServer();
const ENDPOINTS = ['rfm', 'clv', 'segments', 'affinities', 'cohorts', 'rules'];
const url = (name) => `/api/v1/admin/analytics/${name}`;
let customer, staffToken;

// Six customers in the generic layout, for the import's report and
// idempotence; the models are fitted on a generated history besides (the
// BG/NBD fit needs a few hundred customers with some churn to converge).
const IMPORTED = 6;
const GENERATED = 1000;
const CUSTOMERS = IMPORTED + GENERATED;
function historyCsv() {
  const rows = ['customer_id,occurred_at,sku,quantity,unit_price_minor'];
  for (let c = 1; c <= IMPORTED; c++) {
    for (let k = 0; k < c; k++) {
      const when = `2024-${String(1 + k).padStart(2, '0')}-${String(c * 3).padStart(2, '0')} 10:15`;
      rows.push(`a${c},${when},COF-AN,1,450`);
      if (k % 2 === 0) rows.push(`a${c},${when},MUG-AN,1,1200`);
    }
  }
  return rows.join('\n') + '\n';
}

test('setup: a customer and a staff user', async () => {
  customer = await s.registerCustomer('Analytics Customer');
  const email = `${unique('staff')}@example.test`;
  const created = s.runCli(['admin', 'create', '--email', email, '--password', 'staff-password-1', '--role', 'staff']);
  assert.equal(created.status, 0, created.stderr);
  staffToken = await s.login(email, 'staff-password-1');
});

test('before any run every endpoint is a 404 saying how to make one', async () => {
  for (const name of ENDPOINTS) {
    const r = await s.api('GET', url(name), { token: staffToken });
    assert.equal(r.status, 404, `${name}: ${r.text}`);
    assert.equal(r.json.error.code, 'not_found');
    assert.match(r.json.error.message, /patron analyze all/);
  }
});

test('customers and anonymous callers are refused', async () => {
  for (const name of [...ENDPOINTS, 'sentiment']) {
    const asCustomer = await s.api('GET', url(name), { token: customer.token });
    assert.equal(asCustomer.status, 403, `${name}: ${asCustomer.text}`);
    const anonymous = await s.api('GET', url(name));
    assert.equal(anonymous.status, 401, `${name}: ${anonymous.text}`);
  }
});

// The six imported customers' purchases, written once however often the file is imported.
function importHistoryTwice() {
  const file = path.join(s.dir, 'history.csv');
  fs.writeFileSync(file, historyCsv());
  const imported = s.runCli(['import', file, '--format', 'generic', '--json']);
  assert.equal(imported.status, 0, imported.stderr);
  const report = JSON.parse(imported.stdout);
  assert.equal(report.customers_created, IMPORTED);
  assert.equal(report.purchases_written, 21);
  assert.equal(report.lines_written, 33);
  assert.equal(report.points_awarded, 0);
  const again = JSON.parse(s.runCli(['import', file, '--format', 'generic', '--json']).stdout);
  assert.equal(again.purchases_written, 0);
  assert.equal(again.purchases_already_stored, report.purchases_written);
}

async function generateHistoryAndAnalyzeAll() {
  const generated = s.runCli(['gen-data', '--customers', String(GENERATED), '--transactions', '5000', '--seed', '3',
    '--start', '2023-06-01', '--days', '600']);
  assert.equal(generated.status, 0, generated.stderr);
  // The server holds the RocksDB behaviour store; the CLI reads it beside it
  // (read-only). The registered customer has no purchases: read, not blended.
  const viewed = await s.api('POST', '/api/v1/me/events', { token: customer.token,
    body: { events: [{ type: 'view', sku: 'MUG-AN' }] } });
  assert.equal(viewed.status, 202, viewed.text);
  const analyzed = s.runCli(['analyze', 'all', '--json']);
  assert.equal(analyzed.status, 0, analyzed.stderr);
  const run = JSON.parse(analyzed.stdout);
  assert.ok(run.run_id >= 1);
  assert.equal(run.events.used, true, JSON.stringify(run.events));
  assert.ok(run.events.read >= 1 && run.events.unknown_customer >= 1, JSON.stringify(run.events));
}

// Every customer of the run, by monetary value (largest first).
async function rfmOfEveryCustomer() {
  const rfm = await s.api('GET', `${url('rfm')}?limit=200`, { token: staffToken });
  assert.equal(rfm.status, 200, rfm.text);
  assert.equal(rfm.json.run.customers, CUSTOMERS);
  assert.equal(rfm.json.items.length, 200);
  assert.equal(rfm.json.next_cursor, '200');
  const items = await s.listAll(staffToken, url('rfm'));
  assert.equal(items.length, CUSTOMERS);
  assert.equal(new Set(items.map((i) => i.customer_id)).size, CUSTOMERS);
  const monetary = items.map((i) => i.monetary_minor);
  assert.deepEqual(monetary, [...monetary].sort((a, b) => b - a));
  return items;
}

// The first page of CLV (largest first), each with its P(alive).
async function clvFirstPage() {
  const clv = await s.api('GET', `${url('clv')}?limit=200`, { token: staffToken });
  assert.equal(clv.status, 200, clv.text);
  assert.equal(clv.json.items.length, 200);
  for (const item of clv.json.items) {
    assert.equal(typeof item.p_alive, 'number', JSON.stringify(item));
    assert.ok(item.p_alive >= 0 && item.p_alive <= 1, JSON.stringify(item));
    assert.equal(typeof item.clv, 'number');
  }
  const values = clv.json.items.map((i) => i.clv);
  assert.deepEqual(values, [...values].sort((a, b) => b - a));
  assert.ok(['bgnbd', 'mbgnbd', 'pareto_nbd'].includes(clv.json.models.model), JSON.stringify(clv.json.models));
  assert.ok(clv.json.models[clv.json.models.model].r > 0);
  return clv.json.items;
}

// The purchase model is chosen on held-out purchases and then used for P(alive) and CLV.
async function expectModelChosenOnHeldOutPurchases() {
  const models = await s.api('GET', url('models'), { token: staffToken });
  assert.equal(models.status, 200, models.text);
  const selection = models.json.model_selection;
  assert.equal(selection.chosen_by, 'holdout_rmse', JSON.stringify(selection));
  assert.equal(selection.chosen, models.json.btyd.model);
  // MBG/NBD and Pareto/NBD compete (their P(alive) of a one-time buyer decays); BG/NBD is the reference.
  assert.deepEqual(selection.eligible, ['mbgnbd', 'pareto_nbd']);
  const scored = selection.models.filter((m) => typeof m.holdout_rmse === 'number' && selection.eligible.includes(m.model));
  assert.ok(scored.length >= 1);
  const best = scored.reduce((l, r) => (r.holdout_rmse < l.holdout_rmse ? r : l));
  assert.equal(best.model, selection.chosen);
  assert.ok(selection.calibration_end < selection.observation_end);
  assert.ok(selection.chart.length >= 2, JSON.stringify(selection.chart));
  assert.equal(selection.chart[0].frequency_cal, '0');
  const charted = selection.chart.reduce((n, row) => n + row.customers, 0);
  assert.equal(charted, selection.customers_compared);
  for (const row of selection.chart) assert.ok(row.actual_mean >= 0 && row.predicted_mean[selection.chosen] >= 0);
}

async function expectSegmentsCountTheRfmList(items) {
  const segments = await s.api('GET', url('segments'), { token: staffToken });
  assert.equal(segments.status, 200);
  const byName = Object.fromEntries(segments.json.segments.map((seg) => [seg.segment, seg.customers]));
  for (const item of items) byName[item.segment] -= 1;
  for (const left of Object.values(byName)) assert.equal(left, 0);
  assert.equal(segments.json.segments.reduce((n, seg) => n + seg.customers, 0), CUSTOMERS);
  // One-time buyers' P(alive) decays with time under the chosen model: lost customers are not 100 % alive.
  const lost = segments.json.segments.find((seg) => seg.segment === 'Lost');
  assert.ok(lost, JSON.stringify(segments.json.segments.map((seg) => seg.segment)));
  assert.ok(lost.mean_p_alive < 0.9, JSON.stringify(lost));
}

async function expectCohortsAndRules() {
  const cohorts = await s.api('GET', url('cohorts'), { token: staffToken });
  assert.equal(cohorts.status, 200);
  for (const cohort of cohorts.json.cohorts) assert.equal(cohort.retention[0], 1);

  const rules = await s.api('GET', url('rules'), { token: staffToken });
  assert.equal(rules.status, 200);
  assert.ok(Array.isArray(rules.json.rules));
  // "Bought together" shows only rules with lift above 1 (the server leaves the rest out).
  for (const rule of rules.json.rules) assert.ok(rule.confidence >= 0.1 && rule.lift > 1, JSON.stringify(rule));
  expectRulesNameCatalogProducts(rules.json);
}

// The rules carry the catalog name of every SKU they mention (gen-data puts its products in the catalog), so
// staff read products, not codes; a SKU that is no product has no name.
function expectRulesNameCatalogProducts(answer) {
  assert.ok(answer.rules.length > 0, 'the generated history has rules');
  const mentioned = new Set(answer.rules.flatMap((rule) => [...rule.antecedent, rule.consequent]));
  assert.deepEqual(Object.keys(answer.names).sort(), [...mentioned].sort());
  for (const sku of mentioned) assert.match(answer.names[sku], /^brand-\d+ item \d+$/, sku);
  assert.equal(answer.names['COF-AN'], undefined, 'an imported SKU is no catalog product');
}

// The store's popular categories and brands, then one customer's top categories.
async function expectAffinities(customerId) {
  const popular = await s.api('GET', url('affinities'), { token: staffToken });
  assert.equal(popular.status, 200);
  assert.ok(popular.json.top_categories.length > 0);
  assert.ok(popular.json.top_brands.length > 0);
  assert.equal(popular.json.events.used, true);

  const mine = await s.api('GET', `${url('affinities')}?customer_id=${customerId}`, { token: staffToken });
  assert.equal(mine.status, 200, mine.text);
  assert.ok(mine.json.categories.length >= 1 && mine.json.categories.length <= 3);
  const shares = mine.json.categories.map((c) => c.score);
  assert.ok(shares.reduce((a, b) => a + b, 0) <= 1 + 1e-9);
  assert.deepEqual(shares, [...shares].sort((a, b) => b - a));
  const unknown = await s.api('GET', `${url('affinities')}?customer_id=nobody`, { token: staffToken });
  assert.equal(unknown.status, 404);
}

// The customer view carries the run's CLV, P(alive) and segment; a customer outside the run has no segment.
async function expectCustomerViewsFromTheRun(top) {
  const view = await s.api('GET', `/api/v1/admin/customers/${top.customer_id}`, { token: staffToken });
  assert.equal(view.status, 200, view.text);
  assert.equal(view.json.clv, top.clv);
  assert.equal(view.json.p_alive, top.p_alive);
  assert.equal(typeof view.json.segment, 'string');
  const outsider = await s.api('GET', `/api/v1/admin/customers/${customer.id}`, { token: staffToken });
  assert.equal(outsider.json.segment, null);  // registered after no purchase: not in the run
}

test('import then analyze all stores a run the endpoints answer from', async () => {
  importHistoryTwice();
  await generateHistoryAndAnalyzeAll();
  const items = await rfmOfEveryCustomer();
  const clv = await clvFirstPage();
  await expectModelChosenOnHeldOutPurchases();
  await expectSegmentsCountTheRfmList(items);
  await expectCohortsAndRules();
  const top = clv[0];
  await expectAffinities(top.customer_id);
  await expectCustomerViewsFromTheRun(top);
});

test('bad paging input is a 400 with the field', async () => {
  const r = await s.api('GET', `${url('rfm')}?cursor=abc`, { token: staffToken });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'cursor');
  const l = await s.api('GET', `${url('clv')}?limit=0`, { token: staffToken });
  assert.equal(l.status, 400);
  assert.equal(l.json.error.field, 'limit');
});

test('sentiment aggregates the scored feedback of a window', async () => {
  const empty = await s.api('GET', url('sentiment'), { token: staffToken });
  assert.equal(empty.status, 200, empty.text);
  assert.equal(empty.json.available, true);
  assert.equal(empty.json.count, 0);
  assert.equal(empty.json.average, null);
  for (const text of ['Great coffee, lovely staff!', 'Terrible, cold and stale.', 'It was okay.']) {
    const r = await s.api('POST', '/api/v1/me/feedback', { token: customer.token, body: { rating: 3, text } });
    assert.ok(r.status === 201 || r.status === 202, r.text);
  }
  const r = await s.api('GET', `${url('sentiment')}?days=30`, { token: staffToken });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.count, 3);
  assert.equal(r.json.positive + r.json.neutral + r.json.negative, 3);
  assert.ok(r.json.positive >= 1 && r.json.negative >= 1, r.text);
  assert.equal(r.json.days, 30);
  assert.equal(r.json.truncated, false);
  const thisMonth = new Date().toISOString().slice(0, 7);
  assert.deepEqual(r.json.months.map((m) => [m.month, m.count]), [[thisMonth, 3]], 'by month');
  assert.deepEqual(r.json.by_store, [], 'no feedback named a store yet');

  const program = await s.setupProgram(s.adminToken);
  const named = await s.api('POST', '/api/v1/me/feedback', { token: customer.token,
    body: { rating: 5, text: 'Wonderful shop, excellent service.', store_id: program.store.id, product_sku: program.products.tea.sku } });
  assert.equal(named.status, 201, named.text);
  const grouped = await s.api('GET', url('sentiment'), { token: staffToken });
  assert.deepEqual(grouped.json.by_store.map((g) => [g.store_id, g.count]), [[program.store.id, 1]], 'by store');
  assert.deepEqual(grouped.json.by_product.map((g) => [g.sku, g.count]), [[program.products.tea.sku, 1]], 'by product');
  assert.ok(grouped.json.by_store[0].average > 0);
  const bad = await s.api('GET', `${url('sentiment')}?days=0`, { token: staffToken });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'days');
});
