// Personalized offers (issue 13) through the API: a campaign from draft to
// live, generation with a control group, the customer's offer with its
// reasons, activation, the bonus at the till (once), its reversal on return,
// and the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.mjs';

const s = new Server();
let program; let coffeeBuyers = []; let teaBuyer; let campaign;
const iso = (offsetSeconds) => new Date(Date.now() + offsetSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

before(async () => {
  await s.start();
  s.adminToken = await s.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  program = await s.setupProgram(s.adminToken);
  for (let i = 0; i < 12; i++) {
    const c = await s.registerCustomer(`Coffee ${i}`);
    for (let k = 0; k < 2; k++) {
      const r = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
      assert.equal(r.status, 201, r.text);
    }
    coffeeBuyers.push(c);
  }
  teaBuyer = await s.registerCustomer('Tea only');
  await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id, [{ sku: program.products.tea.sku, quantity: 1 }]);
});
after(async () => { await s.stop(); });

const admin = (method, path, body) => s.api(method, path, { token: s.adminToken, body });

test('a campaign is validated field by field', async () => {
  const base = { name: 'Coffee lovers', goal: 'grow_basket', starts_at: iso(-3600), ends_at: iso(30 * 86400) };
  const badMultiplier = await admin('POST', '/api/v1/admin/campaigns', { ...base, offer: { kind: 'bonus_multiplier', multiplier: 1 } });
  assert.deepEqual([badMultiplier.status, badMultiplier.json.error.field], [400, 'offer.multiplier']);
  const badShare = await admin('POST', '/api/v1/admin/campaigns', { ...base, control_share: 0.7, offer: { kind: 'bonus_points', points: 50 } });
  assert.deepEqual([badShare.status, badShare.json.error.field], [400, 'control_share']);
  const badRange = await admin('POST', '/api/v1/admin/campaigns', { ...base, audience: { p_alive: { min: 0.9, max: 0.1 } }, offer: { kind: 'bonus_points', points: 50 } });
  assert.deepEqual([badRange.status, badRange.json.error.field], [400, 'audience.p_alive']);
  const customer = await s.api('POST', '/api/v1/admin/campaigns', { token: teaBuyer.token, body: { ...base, offer: { kind: 'bonus_points', points: 5 } } });
  assert.equal(customer.status, 403);
});

test('draft to live; a live campaign keeps what its measurement depends on', async () => {
  const created = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'Coffee lovers', goal: 'grow_basket', starts_at: iso(-3600), ends_at: iso(30 * 86400), control_share: 0.5,
    audience: { categories_bought: ['coffee'] }, offer: { kind: 'bonus_multiplier', multiplier: 3, category: 'coffee' },
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.status, 'draft');
  assert.equal(created.json.offer.multiplier, 3);
  campaign = created.json;
  const preview = await admin('POST', '/api/v1/admin/campaigns/audience-preview', { audience: { categories_bought: ['coffee'] } });
  assert.deepEqual([preview.status, preview.json.customers], [200, 12]);
  const live = await admin('PATCH', `/api/v1/admin/campaigns/${campaign.id}`, { status: 'live' });
  assert.deepEqual([live.status, live.json.status], [200, 'live']);
  const biased = await admin('PATCH', `/api/v1/admin/campaigns/${campaign.id}`, { control_share: 0.2 });
  assert.deepEqual([biased.status, biased.json.error.code, biased.json.error.field], [409, 'conflict', 'control_share']);
  const renamed = await admin('PATCH', `/api/v1/admin/campaigns/${campaign.id}`, { name: 'Coffee fans' });
  assert.deepEqual([renamed.status, renamed.json.name], [200, 'Coffee fans']);
  const back = await admin('PATCH', `/api/v1/admin/campaigns/${campaign.id}`, { status: 'draft' });
  assert.equal(back.status, 409);
});

let treated; let control;
test('generation splits the audience into treatment and control, deterministically and once', async () => {
  const first = await admin('POST', `/api/v1/admin/campaigns/${campaign.id}/generate`);
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.offers_created + first.json.control_group_size, 12);
  assert.ok(first.json.control_group_size > 0 && first.json.offers_created > 0, first.text);
  const again = await admin('POST', `/api/v1/admin/campaigns/${campaign.id}/generate`);
  assert.deepEqual(again.json, first.json);
  treated = []; control = [];
  for (const c of coffeeBuyers) {
    const offers = (await s.api('GET', '/api/v1/me/offers', { token: c.token })).json.items;
    (offers.length ? treated : control).push({ ...c, offers });
  }
  assert.equal(treated.length, first.json.offers_created);
  assert.equal(control.length, first.json.control_group_size);
  assert.deepEqual((await s.api('GET', '/api/v1/me/offers', { token: teaBuyer.token })).json.items, [], 'outside the audience');
});

test('the customer sees the offer with its reasons, activates it, and the till applies it once', async () => {
  const customer = treated[0];
  const offer = customer.offers[0];
  assert.equal(offer.title, 'Triple points on Coffee');
  assert.equal(offer.kind, 'bonus_multiplier');
  assert.equal(offer.value, 3);
  assert.ok(offer.reasons.includes('You often buy Coffee'), JSON.stringify(offer.reasons));
  assert.equal(offer.activated, false);
  const activated = await s.api('POST', `/api/v1/me/offers/${offer.id}/activate`, { token: customer.token });
  assert.deepEqual([activated.status, activated.json.activated, activated.json.status], [200, true, 'activated']);
  const stranger = await s.api('POST', `/api/v1/me/offers/${offer.id}/activate`, { token: teaBuyer.token });
  assert.equal(stranger.status, 404);

  const buy = await s.purchase({ token: s.adminToken }, customer.id, program.store.id,
    [{ sku: program.products.coffee.sku, quantity: 2 }, { sku: program.products.mug.sku, quantity: 1 }]);
  assert.equal(buy.status, 201, buy.text);
  const fromOffer = buy.json.applied.filter((a) => a.source === 'offer');
  assert.equal(fromOffer.length, 1);
  assert.deepEqual([fromOffer[0].offer, fromOffer[0].name, fromOffer[0].points], [offer.id, 'Triple points on Coffee', 40]);
  assert.equal(buy.json.points_earned, 20 + 50 + 40, 'base points of both lines plus twice the coffee lines');
  const next = await s.purchase({ token: s.adminToken }, customer.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 2 }]);
  assert.equal(next.json.applied.filter((a) => a.source === 'offer').length, 0, 'an offer is used once');
  const used = (await s.api('GET', '/api/v1/me/offers', { token: customer.token })).json.items[0];
  assert.equal(used.status, 'redeemed');

  const back = await s.api('POST', '/api/v1/pos/returns', { token: s.adminToken,
    body: { transaction_id: buy.json.transaction_id, lines: [{ sku: program.products.coffee.sku, quantity: 2 }, { sku: program.products.mug.sku, quantity: 1 }] } });
  assert.equal(back.status, 201, back.text);
  assert.equal(back.json.points_reversed, 110, 'a full return reverses the bonus too');

  const view = await admin('GET', `/api/v1/admin/customers/${customer.id}`);
  assert.equal(view.json.offers[0].id, offer.id);
  assert.ok(view.json.offers[0].reasons.length > 0);
});

test('a control customer gets nothing, and the report compares the arms with intervals', async () => {
  const controlCustomer = control[0];
  const r = await s.purchase({ token: s.adminToken }, controlCustomer.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(r.json.applied.filter((a) => a.source === 'offer').length, 0);
  const report = await admin('GET', `/api/v1/admin/campaigns/${campaign.id}/report`);
  assert.equal(report.status, 200, report.text);
  assert.equal(report.json.treatment.customers, treated.length);
  assert.equal(report.json.control.customers, control.length);
  assert.equal(report.json.treatment.redemptions, 1);
  assert.equal(report.json.cost_points, 40);
  assert.equal(report.json.currency, 'USD');
  assert.match(report.json.method, /Welch/);
  if (treated.length >= 2 && control.length >= 2) {
    assert.equal(report.json.uplift.ci95.length, 2);
    assert.ok(report.json.uplift.ci95[0] <= report.json.uplift.revenue_per_customer);
    assert.ok(report.json.uplift.purchase_rate.ci95[1] >= report.json.uplift.purchase_rate.difference);
  }
  const list = await admin('GET', '/api/v1/admin/campaigns');
  assert.ok(list.json.items.some((c) => c.id === campaign.id && c.offers_created === treated.length));
});

test('patron offers generate runs every live campaign, or the one named, from the command line', async () => {
  const all = s.runCli(['offers', 'generate']);
  assert.equal(all.status, 0, all.stderr);
  assert.match(all.stdout, new RegExp(`campaign ${campaign.id}: ${treated.length} offers, ${treated.length} treated, ${control.length} in the control group`));
  const one = s.runCli(['offers', 'generate', '--campaign', campaign.id]);
  assert.equal(one.status, 0, one.stderr);
  const unknown = s.runCli(['offers', 'generate', '--campaign', 'cmp_missing']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /campaign not found/);
});

test('a percent-off voucher lowers the lines it covers at the till, once, and the points follow the lower price', async () => {
  const created = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'Tea week', goal: 'cross_sell', starts_at: iso(-3600), ends_at: iso(7 * 86400), control_share: 0,
    audience: { categories_bought: ['tea'] }, offer: { kind: 'percent_off', percent: 20, category: 'tea', auto_apply: true },
  });
  assert.equal(created.status, 201, created.text);
  assert.equal((await admin('PATCH', `/api/v1/admin/campaigns/${created.json.id}`, { status: 'live' })).status, 200);
  const generated = await admin('POST', `/api/v1/admin/campaigns/${created.json.id}/generate`);
  assert.deepEqual([generated.json.offers_created, generated.json.control_group_size], [1, 0]);
  const [voucher] = (await s.api('GET', '/api/v1/me/offers', { token: teaBuyer.token })).json.items;
  assert.equal(voucher.title, '20% off Tea');
  const buy = await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id,
    [{ sku: program.products.tea.sku, quantity: 1 }, { sku: program.products.mug.sku, quantity: 1 }]);
  assert.equal(buy.status, 201, buy.text);
  const applied = buy.json.applied.find((a) => a.source === 'offer');
  assert.deepEqual([applied.offer, applied.discount_minor, applied.points], [voucher.id, 400, 0]);
  assert.equal(buy.json.total_minor, 1600 + 5000);
  assert.equal(buy.json.points_earned, 16 + 50);
  const again = await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id, [{ sku: program.products.tea.sku, quantity: 1 }]);
  assert.equal(again.json.total_minor, 2000, 'a voucher is used once');
});

test('a free-reward offer issues its reward as a voucher at a qualifying purchase, once', async () => {
  const unknown = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'Free mug', goal: 'reward_best', starts_at: iso(-3600), ends_at: iso(7 * 86400),
    offer: { kind: 'free_reward', reward_id: 'rwd_missing' } });
  assert.deepEqual([unknown.status, unknown.json.error.field], [400, 'offer.reward_id']);
  const created = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'A thank-you', goal: 'reward_best', starts_at: iso(-3600), ends_at: iso(7 * 86400), control_share: 0,
    audience: { categories_bought: ['tea'] },
    offer: { kind: 'free_reward', reward_id: program.reward.id, min_spend_minor: 1500, auto_apply: true } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.offer.reward_name, program.reward.name);
  await admin('PATCH', `/api/v1/admin/campaigns/${created.json.id}`, { status: 'live' });
  await admin('POST', `/api/v1/admin/campaigns/${created.json.id}/generate`);
  const offer = (await s.api('GET', '/api/v1/me/offers', { token: teaBuyer.token })).json.items.find((o) => o.kind === 'free_reward');
  assert.equal(offer.title, `Free ${program.reward.name}`);
  const small = await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id, [{ sku: program.products.coffee.sku, quantity: 1 }]);
  assert.equal(small.json.applied.filter((a) => a.voucher_code).length, 0, 'below the minimum spend');
  const buy = await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 1 }]);
  const reward = buy.json.applied.find((a) => a.voucher_code);
  assert.ok(reward, buy.text);
  assert.deepEqual([reward.offer, reward.points], [offer.id, 0]);
  const vouchers = await s.listAll(teaBuyer.token, '/api/v1/me/redemptions');
  const voucher = vouchers.find((r) => r.code === reward.voucher_code);
  assert.deepEqual([voucher.reward_id, voucher.points], [program.reward.id, 0]);
  const again = await s.purchase({ token: s.adminToken }, teaBuyer.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 1 }]);
  assert.equal(again.json.applied.filter((a) => a.voucher_code).length, 0, 'issued once');
});

test('a money budget keeps the offers whose cost, at a point\'s value, fits', async () => {
  const created = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'Small budget', goal: 'grow_basket', starts_at: iso(-3600), ends_at: iso(7 * 86400), control_share: 0,
    audience: { categories_bought: ['coffee'] }, budget_minor: 250,
    offer: { kind: 'bonus_points', points: 100, category: 'coffee' } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.budget_minor, 250);
  const generated = await admin('POST', `/api/v1/admin/campaigns/${created.json.id}/generate`);
  assert.equal(generated.json.offers_created, 2, '100-point offers at 1 minor unit a point: two fit in 250');
  const invalid = await admin('POST', '/api/v1/admin/campaigns', {
    name: 'Bad budget', starts_at: iso(0), ends_at: iso(86400), budget_minor: 0, offer: { kind: 'bonus_points', points: 5 } });
  assert.deepEqual([invalid.status, invalid.json.error.field], [400, 'budget_minor']);
});
