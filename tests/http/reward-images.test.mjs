// Reward images, terms (issue 16), a customer's purchases for the return form,
// and the analytics status that answers 200 before any run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { useServer } from './harness.mjs';

const s = useServer();

// A real 1×1 PNG, and the magic bytes of the other two types.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 2)]);

const put = (id, bytes, token = s.adminToken, type = 'image/png') =>
  s.api('PUT', `/api/v1/admin/rewards/${id}/image`, { token, raw: bytes, headers: { 'content-type': type } });
const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

test('staff upload an image; it is served with caching headers and named in both reward lists', async () => {
  const { reward } = await s.setupProgram(s.adminToken);
  assert.equal(reward.image_url, null);
  const up = await put(reward.id, PNG);
  assert.equal(up.status, 200, up.text);
  assert.equal(up.json.content_type, 'image/png');
  assert.equal(up.json.sha256, sha(PNG));
  assert.equal(up.json.image_url, `/api/v1/rewards/${reward.id}/image/${sha(PNG)}`);

  const pinned = await fetch(`${s.base}${up.json.image_url}`);  // no token: an <img> sends none
  assert.equal(pinned.status, 200);
  assert.equal(pinned.headers.get('content-type'), 'image/png');
  assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(pinned.headers.get('etag'), `"${sha(PNG)}"`);
  assert.match(pinned.headers.get('content-security-policy'), /img-src 'self'/);
  assert.deepEqual(Buffer.from(await pinned.arrayBuffer()), PNG);

  const plain = await fetch(`${s.base}/api/v1/rewards/${reward.id}/image`);
  assert.equal(plain.status, 200);
  assert.equal(plain.headers.get('cache-control'), 'public, max-age=300');
  const again = await fetch(`${s.base}/api/v1/rewards/${reward.id}/image`, { headers: { 'if-none-match': `"${sha(PNG)}"` } });
  assert.equal(again.status, 304);

  const admin = await s.api('GET', `/api/v1/admin/rewards/${reward.id}`, { token: s.adminToken });
  assert.equal(admin.json.image_url, up.json.image_url);
  const c = await s.registerCustomer();
  const listed = (await s.api('GET', '/api/v1/rewards', { token: c.token })).json.items.find((r) => r.id === reward.id);
  assert.equal(listed.image_url, up.json.image_url);

  // A new image gets a new URL; the old one is gone.
  const next = await put(reward.id, JPEG, s.adminToken, 'image/jpeg');
  assert.equal(next.json.content_type, 'image/jpeg');
  assert.equal((await fetch(`${s.base}${up.json.image_url}`)).status, 404);
  assert.equal((await put(reward.id, WEBP, s.adminToken, 'image/webp')).json.content_type, 'image/webp');

  const removed = await s.api('DELETE', `/api/v1/admin/rewards/${reward.id}/image`, { token: s.adminToken });
  assert.equal(removed.status, 204);
  assert.equal((await fetch(`${s.base}/api/v1/rewards/${reward.id}/image`)).status, 404);
  assert.equal((await s.api('GET', `/api/v1/admin/rewards/${reward.id}`, { token: s.adminToken })).json.image_url, null);
});

test('only PNG, JPEG or WebP by their bytes, at most 512 KiB, by admins, for a known reward', async () => {
  const { reward } = await s.setupProgram(s.adminToken);
  const svg = await put(reward.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), s.adminToken, 'image/png');
  assert.equal(svg.status, 400);
  assert.equal(svg.json.error.field, 'image');
  assert.equal((await put(reward.id, Buffer.alloc(0))).status, 400);
  const big = await put(reward.id, Buffer.concat([PNG, Buffer.alloc(512 * 1024)]));
  assert.equal(big.status, 413);
  assert.equal(big.json.error.code, 'payload_too_large');
  assert.equal((await put('rwd_nope', PNG)).status, 404);
  const c = await s.registerCustomer();
  assert.equal((await put(reward.id, PNG, c.token)).status, 403);
  assert.equal((await put(reward.id, PNG, null)).status, 401);
});

test('rewards carry terms, for staff and customers', async () => {
  const r = await s.create(s.adminToken, 'rewards', { name: 'Tote bag', description: 'A canvas tote.', terms: 'One per visit. Not exchangeable for cash.', points_cost: 50 });
  assert.equal(r.terms, 'One per visit. Not exchangeable for cash.');
  const patched = await s.api('PATCH', `/api/v1/admin/rewards/${r.id}`, { token: s.adminToken, body: { terms: 'One per visit.' } });
  assert.equal(patched.json.terms, 'One per visit.');
  const c = await s.registerCustomer();
  const listed = (await s.api('GET', '/api/v1/rewards', { token: c.token })).json.items.find((x) => x.id === r.id);
  assert.equal(listed.terms, 'One per visit.');
  assert.equal(listed.description, 'A canvas tote.');
});

test("staff list a customer's purchases with their lines and returned quantities", async () => {
  const { store, products } = await s.setupProgram(s.adminToken);
  const c = await s.registerCustomer();
  const auth = { token: s.adminToken };
  const bought = await s.purchase(auth, c.id, store.id, [{ sku: products.coffee.sku, quantity: 3 }, { sku: products.mug.sku, quantity: 1 }]);
  assert.equal(bought.status, 201, bought.text);
  const ret = await s.api('POST', '/api/v1/pos/returns', { token: s.adminToken, body: { transaction_id: bought.json.transaction_id, lines: [{ sku: products.coffee.sku, quantity: 1 }] } });
  assert.equal(ret.status, 201, ret.text);
  const list = await s.api('GET', `/api/v1/admin/customers/${c.id}/transactions?limit=10`, auth);
  assert.equal(list.status, 200, list.text);
  const [txn] = list.json.items;
  assert.equal(txn.id, bought.json.transaction_id);
  const coffee = txn.lines.find((l) => l.sku === products.coffee.sku);
  assert.deepEqual([coffee.quantity, coffee.returned_quantity], [3, 1]);
  assert.equal((await s.api('GET', '/api/v1/admin/customers/cus_nope/transactions', auth)).status, 404);
  assert.equal((await s.api('GET', `/api/v1/admin/customers/${c.id}/transactions?cursor=x`, auth)).status, 400);
  assert.equal((await s.api('GET', `/api/v1/admin/customers/${c.id}/transactions`, { token: c.token })).status, 403);
});

test('analytics status answers 200 before any run', async () => {
  const r = await s.api('GET', '/api/v1/admin/analytics/status', { token: s.adminToken });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.available, false);
  assert.equal(r.json.run, null);
  assert.match(r.json.message, /patron analyze all/);
});
