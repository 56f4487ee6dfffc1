// Authentication: credentials, refresh rotation and reuse detection, logout, throttling, JWT tampering, roles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { useServer, unique } from './harness.mjs';

const s = useServer();
const b64url = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const refresh = (token) => s.api('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } });
const sign = (header, payload, secret) => {
  const head = `${b64url(header)}.${b64url(payload)}`;
  return `${head}.${crypto.createHmac('sha256', secret).update(head).digest('base64url')}`;
};

test('bad password and unknown email get the same 401 answer', async () => {
  const c = await s.registerCustomer();
  const wrong = await s.loginFull(c.email, 'not-the-password');
  const unknown = await s.loginFull(`${unique('nobody')}@example.test`, 'not-the-password');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.json.error.code, 'unauthorized');
  assert.deepEqual(wrong.json, unknown.json);
  const ok = await s.loginFull(c.email, c.password);
  assert.equal(ok.status, 200);
  assert.equal(ok.json.role, 'customer');
  assert.ok(ok.json.access_token && ok.json.refresh_token && ok.json.expires_in > 0);
});

test('refresh rotates; reusing a spent token revokes the whole family', async () => {
  const c = await s.registerCustomer();
  const first = await refresh(c.refresh);
  assert.equal(first.status, 200, first.text);
  assert.notEqual(first.json.refresh_token, c.refresh);
  const me = await s.api('GET', '/api/v1/me', { token: first.json.access_token });
  assert.equal(me.status, 200);

  const reuse = await refresh(c.refresh);
  assert.equal(reuse.status, 401);
  assert.equal(reuse.json.error.code, 'unauthorized');
  const newer = await refresh(first.json.refresh_token);
  assert.equal(newer.status, 401, 'the newer token of the family must be revoked too');

  const garbage = await refresh('definitely-not-a-token');
  assert.equal(garbage.status, 401);
});

test('logout revokes the refresh token', async () => {
  const c = await s.registerCustomer();
  const out = await s.api('POST', '/api/v1/auth/logout', { body: { refresh_token: c.refresh } });
  assert.equal(out.status, 204);
  assert.equal((await refresh(c.refresh)).status, 401);
});

test('password change revokes refresh tokens and switches the password', async () => {
  const c = await s.registerCustomer();
  const second = await s.loginFull(c.email, c.password);
  assert.equal(second.status, 200);
  const bad = await s.api('POST', '/api/v1/me/password', { token: c.token,
    body: { current_password: 'wrong-password', new_password: 'new-password-456' } });
  assert.equal(bad.status, 400, `wrong current password: ${bad.text}`);  // docs/openapi.yaml, /me/password
  assert.equal(bad.json.error.code, 'validation_failed');
  assert.equal(bad.json.error.field, 'current_password');
  const change = await s.api('POST', '/api/v1/me/password', { token: c.token,
    body: { current_password: c.password, new_password: 'new-password-456' } });
  assert.equal(change.status, 204, change.text);
  assert.equal((await refresh(c.refresh)).status, 401);
  assert.equal((await refresh(second.json.refresh_token)).status, 401);
  assert.equal((await s.loginFull(c.email, c.password)).status, 401);
  assert.equal((await s.loginFull(c.email, 'new-password-456')).status, 200);
});

test('missing, malformed, expired, alg=none and tampered tokens get 401', async () => {
  const c = await s.registerCustomer();
  const [h, p, sig] = c.token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  assert.equal(payload.sub, c.id);
  const now = Math.floor(Date.now() / 1000);
  const secret = s.env.JWT_SECRET;
  const cases = {
    none: undefined,
    garbage: 'not.a.jwt',
    'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${p}.`,
    'alg none, admin role': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...payload, role: 'admin' })}.`,
    'tampered signature': `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`,
    'tampered payload': `${h}.${b64url({ ...payload, role: 'admin' })}.${sig}`,
    'wrong secret': sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, exp: now + 600 }, 'x'.repeat(64)),
    expired: sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, iat: now - 7200, exp: now - 60 }, secret),
  };
  for (const [name, token] of Object.entries(cases)) {
    const r = await s.api('GET', '/api/v1/me', { token });
    assert.equal(r.status, 401, `${name}: ${r.status} ${r.text}`);
    assert.equal(r.json.error.code, 'unauthorized', name);
  }
  // Control: a correctly signed token with our secret is accepted.
  const good = sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, exp: now + 600 }, secret);
  assert.equal((await s.api('GET', '/api/v1/me', { token: good })).status, 200);
  const adminEscalation = await s.api('GET', '/api/v1/admin/customers', { token: cases['tampered payload'] });
  assert.equal(adminEscalation.status, 401);
});

test('roles: customer gets 403 on admin and POS routes; staff reads but cannot write catalog', async () => {
  const c = await s.registerCustomer();
  for (const [method, path, body] of [
    ['GET', '/api/v1/admin/customers'],
    ['GET', `/api/v1/admin/customers/${c.id}`],
    ['GET', '/api/v1/admin/products'],
    ['POST', '/api/v1/admin/products', { sku: 'X1', name: 'x', price_minor: 1, currency: 'USD' }],
    ['POST', '/api/v1/admin/api-keys', { store_id: 'sto_x' }],
    ['POST', `/api/v1/admin/customers/${c.id}/adjustments`, { points: 1000, reason: 'self-service' }],
    ['POST', '/api/v1/pos/purchases', { customer: { id: c.id }, store_id: 'x', lines: [{ sku: 'x', quantity: 1 }] }],
  ]) {
    const r = await s.api(method, path, { token: c.token, body });
    assert.equal(r.status, 403, `${method} ${path}: ${r.status}`);
    assert.equal(r.json.error.code, 'forbidden');
  }
  const anon = await s.api('GET', '/api/v1/admin/customers');
  assert.equal(anon.status, 401);

  const staffEmail = `${unique('staff')}@test.local`;
  const made = s.runCli(['admin', 'create', '--email', staffEmail, '--password', 'staff12345', '--role', 'staff']);
  assert.equal(made.status, 0, made.stderr);
  const staff = await s.login(staffEmail, 'staff12345');
  assert.equal((await s.api('GET', '/api/v1/admin/products', { token: staff })).status, 200);
  const write = await s.api('POST', '/api/v1/admin/products', { token: staff,
    body: { sku: unique('S'), name: 'x', price_minor: 1, currency: 'USD' } });
  assert.equal(write.status, 403);
  const me = await s.api('GET', '/api/v1/me', { token: staff });
  assert.equal(me.status, 403, 'staff is not a customer');
});

test('five failed logins for one account are throttled with 429 and Retry-After', async () => {
  const c = await s.registerCustomer();
  for (let i = 0; i < 5; i++) {
    const r = await s.loginFull(c.email, `wrong-${i}`);
    assert.equal(r.status, 401, `attempt ${i + 1}`);
  }
  const blocked = await s.loginFull(c.email, c.password);
  assert.equal(blocked.status, 429);
  assert.equal(blocked.json.error.code, 'rate_limited');
  const retry = Number(blocked.headers.get('retry-after'));
  assert.ok(Number.isInteger(retry) && retry > 0, `Retry-After: ${blocked.headers.get('retry-after')}`);
  const upper = await s.loginFull(c.email.toUpperCase(), c.password);
  assert.equal(upper.status, 429, 'the email is normalized before throttling');
  // Another account is unaffected.
  const other = await s.registerCustomer();
  assert.equal((await s.loginFull(other.email, other.password)).status, 200);
});
