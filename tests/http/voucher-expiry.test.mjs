// Vouchers expire (issue 16): a reward's voucher_valid_days (1..3650, 90 by
// default) sets expires_at on each redemption; the customer's vouchers carry
// expires_at and a status that reads "expired" once it has passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BACKEND, useServer } from './harness.mjs';

const s = useServer();
const DAY_SECONDS = 24 * 3600;
const seconds = (rfc3339) => Date.parse(rfc3339) / 1000;

// Runs one statement on the server's own database with the dialect's client
// (the server has no fake clock: this is how a voucher's expiry is moved into the past).
function sqlOn(server, statement) {
  const url = server.databaseUrl;
  let r;
  if (BACKEND === 'sqlite') {
    r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', url.replace(/^sqlite:\/\//, ''), statement], { encoding: 'utf8', timeout: 60_000 });
  } else if (BACKEND === 'mysql') {
    const u = new URL(url);
    r = spawnSync('mariadb', ['--no-defaults', '-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username),
      `-p${decodeURIComponent(u.password)}`, '-N', '-B', u.pathname.slice(1), '-e', statement], { encoding: 'utf8', timeout: 60_000 });
  } else {
    r = spawnSync('psql', [url.replace(/^postgres(ql)?:/, 'postgresql:'), '-At', '-v', 'ON_ERROR_STOP=1', '-c', statement],
      { encoding: 'utf8', timeout: 60_000 });
  }
  if (r.status !== 0) throw new Error(`${BACKEND} client failed on "${statement}": ${r.stderr}${r.error ?? ''}`);
  return r.stdout.trim();
}

async function customerWithPoints(program) {
  const c = await s.registerCustomer('Voucher Holder');
  const bought = await s.purchase({ token: s.adminToken }, c.id, program.store.id, [{ sku: program.products.mug.sku, quantity: 1 }]);
  assert.equal(bought.status, 201, bought.text);
  return c;
}

const redeem = (c, rewardId) => s.api('POST', '/api/v1/me/redemptions', { token: c.token, body: { reward_id: rewardId } });
const vouchers = async (c) => (await s.api('GET', '/api/v1/me/redemptions', { token: c.token })).json.items;

test('a redemption expires after the reward\'s validity: 90 days by default, as set by staff otherwise', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  assert.equal(program.reward.voucher_valid_days, 90, 'the default validity');
  const c = await customerWithPoints(program);

  const first = await redeem(c, program.reward.id);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.status, 'valid');
  assert.match(first.json.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'RFC 3339');
  assert.equal(seconds(first.json.expires_at) - seconds(first.json.created_at), 90 * DAY_SECONDS);

  const patched = await s.api('PATCH', `/api/v1/admin/rewards/${program.reward.id}`, { token: s.adminToken, body: { voucher_valid_days: 1 } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.voucher_valid_days, 1);
  const second = await redeem(c, program.reward.id);
  assert.equal(second.status, 201, second.text);
  assert.equal(seconds(second.json.expires_at) - seconds(second.json.created_at), DAY_SECONDS, 'one day');

  const listed = await vouchers(c);
  const byId = new Map(listed.map((v) => [v.id, v]));
  assert.equal(byId.get(first.json.id).expires_at, first.json.expires_at, 'a voucher keeps the expiry it was issued with');
  assert.equal(byId.get(second.json.id).expires_at, second.json.expires_at);
  assert.ok(listed.every((v) => v.status === 'valid'));
});

test('the validity is a whole number of days from 1 to 3650', async () => {
  const base = { name: 'Bounded voucher', points_cost: 5 };
  for (const bad of [0, 3651, -1, 'ten', null]) {
    const r = await s.api('POST', '/api/v1/admin/rewards', { token: s.adminToken, body: { ...base, voucher_valid_days: bad } });
    assert.ok(r.status === 400 || r.status === 422, `${bad}: ${r.status} ${r.text}`);
    assert.equal(r.json.error.field, 'voucher_valid_days', `${bad}: ${r.text}`);
    assert.ok(r.json.error.code && r.json.error.message);
  }
  for (const good of [1, 3650]) {
    const r = await s.api('POST', '/api/v1/admin/rewards', { token: s.adminToken, body: { ...base, voucher_valid_days: good } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.voucher_valid_days, good);
    const refused = await s.api('PATCH', `/api/v1/admin/rewards/${r.json.id}`, { token: s.adminToken, body: { voucher_valid_days: 0 } });
    assert.ok(refused.status === 400 || refused.status === 422, refused.text);
    assert.equal(refused.json.error.field, 'voucher_valid_days');
  }
});

test('a voucher whose expiry has passed reads "expired"; one issued before vouchers expired has none and stays valid', async () => {
  const program = await s.setupProgram(s.adminToken, { rewardCost: 10 });
  await s.api('PATCH', `/api/v1/admin/rewards/${program.reward.id}`, { token: s.adminToken, body: { voucher_valid_days: 1 } });
  const c = await customerWithPoints(program);
  const old = (await redeem(c, program.reward.id)).json;
  const fresh = (await redeem(c, program.reward.id)).json;
  const legacy = (await redeem(c, program.reward.id)).json;
  // A day and a second later for `old`: its expiry (created + 1 day) is behind the clock.
  sqlOn(s, `UPDATE redemptions SET expires_at = expires_at - ${DAY_SECONDS + 1} WHERE id = '${old.id}'`);
  sqlOn(s, `UPDATE redemptions SET expires_at = NULL WHERE id = '${legacy.id}'`);

  const byId = new Map((await vouchers(c)).map((v) => [v.id, v]));
  assert.equal(byId.get(old.id).status, 'expired');
  assert.ok(seconds(byId.get(old.id).expires_at) <= Date.now() / 1000);
  assert.equal(byId.get(fresh.id).status, 'valid');
  assert.equal(byId.get(legacy.id).expires_at, null);
  assert.equal(byId.get(legacy.id).status, 'valid', 'no expiry: valid until used');

  const exported = await s.api('GET', '/api/v1/me/export', { token: c.token });
  if (exported.status === 200 && exported.json.redemptions) {
    assert.equal(exported.json.redemptions.find((v) => v.id === old.id).status, 'expired', 'the data export says the same');
  }
});
