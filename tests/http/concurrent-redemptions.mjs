// Redemptions sent all at once against a balance that covers only some of
// them (concurrency.test.mjs on one process, two-processes.test.mjs on two).
import assert from 'node:assert/strict';
import { unique } from './harness.mjs';

// Sends `count` redemptions of the program's reward for customer `c` at once,
// each through the next of `servers` in turn. Exactly one per balance in
// `balancesAfter` (ascending) must succeed, leaving those balances, and every
// other one must be refused for want of points. Returns the successful answers.
export async function assertRedemptionsNeverOverspend({ servers, c, program, count, balancesAfter, keyPrefix }) {
  const attempts = await Promise.all(Array.from({ length: count }, (_, i) => servers[i % servers.length].api('POST', '/api/v1/me/redemptions', {
    token: c.token, body: { reward_id: program.reward.id }, headers: { 'idempotency-key': unique(keyPrefix) },
  })));
  const ok = attempts.filter((r) => r.status === 201);
  const refused = attempts.filter((r) => r.status === 409);
  assert.equal(ok.length, balancesAfter.length, `statuses: ${attempts.map((r) => r.status).join(',')}`);
  assert.equal(refused.length, count - balancesAfter.length);
  for (const r of refused) assert.equal(r.json.error.code, 'insufficient_points');
  assert.deepEqual(ok.map((r) => r.json.balance_after).sort((x, y) => x - y), balancesAfter);
  return ok;
}
