// Issue 12, items 6 and 8: throttles that slow one client down without locking
// anybody out, and access tokens checked for issuer, audience, issued-at and
// not-before, with key rotation and the portal's refresh cookie.
// Clients are told apart by their address: every 127.x.y.z reaches the server
// on Linux, so each test speaks from addresses of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { useServer, unique, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.mjs';

const s = useServer();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const b64url = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const sign = (payload, secret, header = { alg: 'HS256', typ: 'JWT' }) => {
  const head = `${b64url(header)}.${b64url(payload)}`;
  return `${head}.${crypto.createHmac('sha256', secret).update(head).digest('base64url')}`;
};
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

// One request from a chosen local address; set-cookie comes back as an array.
function from(localAddress, method, urlPath, { body, token, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) h['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(`${s.base}${urlPath}`, { method, headers: h, localAddress, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
const login = (address, email, password) => from(address, 'POST', '/api/v1/auth/login', { body: { email, password } });
const retryAfter = (r) => Number(r.headers['retry-after']);
const expectRateLimited = (r, what) => {
  assert.equal(r.status, 429, `${what}: ${r.status} ${r.text}`);
  assert.equal(r.json.error.code, 'rate_limited', what);
  assert.ok(Number.isInteger(retryAfter(r)) && retryAfter(r) > 0, `${what}: Retry-After ${r.headers['retry-after']}`);
};

// ---- item 6: throttles ------------------------------------------------------

test('wrong passwords from one client do not lock the admin out of another client', async () => {
  for (let i = 0; i < 12; i++) {
    const r = await login('127.0.0.2', ADMIN_EMAIL, `wrong-${i}`);
    assert.ok([401, 429].includes(r.status), `attempt ${i + 1}: ${r.status}`);
  }
  expectRateLimited(await login('127.0.0.2', ADMIN_EMAIL, ADMIN_PASSWORD), 'the attacking client, right password');
  const elsewhere = await login('127.0.0.3', ADMIN_EMAIL, ADMIN_PASSWORD);
  assert.equal(elsewhere.status, 200, `the admin from another client: ${elsewhere.text}`);
  assert.equal(elsewhere.json.role, 'admin');
});

test('failures from one client get growing delays, announced by Retry-After', async () => {
  const c = await s.registerCustomer();
  const address = '127.0.0.4';
  for (let i = 0; i < 5; i++) assert.equal((await login(address, c.email, `wrong-${i}`)).status, 401, `attempt ${i + 1}`);
  const first = await login(address, c.email, c.password);
  expectRateLimited(first, 'after five failures');
  assert.ok(retryAfter(first) <= 2, `a short first delay, not a lockout: Retry-After ${retryAfter(first)}`);
  await sleep(retryAfter(first) * 1000 + 100);
  const sixthSent = Date.now();
  assert.equal((await login(address, c.email, 'wrong-again')).status, 401, 'admitted once the delay has passed');
  const second = await login(address, c.email, c.password);
  // The delay runs from the sixth failure's admission, before its password hash: on a loaded machine
  // the hash eats into it, so the announced wait is compared with what is left of 2 s, not with 2 s.
  const elapsed = Date.now() - sixthSent;
  expectRateLimited(second, 'after six failures');
  assert.ok(retryAfter(second) <= 4, `Retry-After ${retryAfter(second)}`);
  assert.ok(retryAfter(second) * 1000 >= 2000 - elapsed,
    `the delay grows to 2 s: Retry-After ${retryAfter(second)} with ${elapsed} ms gone since the failure`);
  await sleep(retryAfter(second) * 1000 + 100);
  assert.equal((await login(address, c.email, c.password)).status, 200, 'the right password once the delay has passed');
  assert.equal((await login(address, c.email, 'wrong-after-success')).status, 401, 'a success starts the count afresh');
});

test('one client failing on many accounts is throttled on all of them; succeeding ones are not', async () => {
  const c = await s.registerCustomer();
  // A shop's shared address: many people logging in successfully are never slowed down.
  for (let i = 0; i < 35; i++) {
    const r = await login('127.0.0.11', c.email, c.password);
    assert.equal(r.status, 200, `successful login ${i + 1} from one address: ${r.text}`);
  }
  const address = '127.0.0.5';
  let limited = null;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await login(address, `${unique('nobody')}@example.test`, 'not-the-password');
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 401, `attempt ${i + 1}`);
  }
  assert.ok(limited, 'forty failures on forty accounts from one address are throttled');
  expectRateLimited(limited, 'credential stuffing');
  expectRateLimited(await login(address, c.email, c.password), 'the stuffing client on a fresh account');
  assert.equal((await login('127.0.0.6', c.email, c.password)).status, 200, 'another client is unaffected');
});

test('wrong current passwords on /me/password are throttled per client', async () => {
  const c = await s.registerCustomer();
  const change = (address, current) => from(address, 'POST', '/api/v1/me/password', { token: c.token,
    body: { current_password: current, new_password: 'new-password-456' } });
  for (let i = 0; i < 5; i++) {
    const r = await change('127.0.0.7', `wrong-${i}`);
    assert.equal(r.status, 400, `attempt ${i + 1}: ${r.text}`);
    assert.equal(r.json.error.field, 'current_password');
  }
  expectRateLimited(await change('127.0.0.7', c.password), 'the guessing client');
  const other = await change('127.0.0.8', c.password);
  assert.equal(other.status, 204, `another client: ${other.text}`);
  assert.equal((await s.loginFull(c.email, 'new-password-456')).status, 200);
});

test('sign-ups are throttled per client', async () => {
  const signUp = (address) => from(address, 'POST', '/api/v1/auth/register', {
    body: { email: `${unique('flood')}@example.test`, password: 'password-123', name: 'Flood' } });
  const address = '127.0.0.9';
  const statuses = [];
  // Four at a time, as a script would; the burst allowance is well under 100.
  for (let round = 0; round < 25 && !statuses.includes(429); round++) {
    const answers = await Promise.all([0, 1, 2, 3].map(() => signUp(address)));
    for (const r of answers) {
      assert.ok([201, 429].includes(r.status), `${r.status} ${r.text}`);
      if (r.status === 429) expectRateLimited(r, 'sign-up flood');
      statuses.push(r.status);
    }
  }
  assert.ok(statuses.includes(429), `100 sign-ups from one client are throttled (${statuses.length} answered)`);
  assert.ok(statuses.filter((x) => x === 201).length >= 10, 'a household can still sign up several people');
  assert.equal((await signUp('127.0.0.10')).status, 201, 'another client can still sign up');
});

// ---- item 8: tokens ---------------------------------------------------------

test('issued access tokens carry iss, aud, iat and nbf', async () => {
  const c = await s.registerCustomer();
  const claims = claimsOf(c.token);
  assert.equal(claims.iss, 'patron');
  assert.equal(claims.aud, 'patron-api');
  const now = Math.floor(Date.now() / 1000);
  assert.ok(Math.abs(claims.iat - now) <= 5 && Math.abs(claims.nbf - now) <= 5, JSON.stringify(claims));
  assert.equal(claims.exp - claims.iat, 900);
});

test('tokens from the future, for another issuer or another audience are refused', async () => {
  const c = await s.registerCustomer();
  const base = claimsOf(c.token);
  const now = Math.floor(Date.now() / 1000);
  const secret = s.env.JWT_SECRET;
  const { iss, aud, nbf, ...bare } = base;
  const refused = {
    'issued in the future': { ...base, iat: now + 600, nbf: now, exp: now + 1500 },
    'not valid before the future': { ...base, iat: now, nbf: now + 600, exp: now + 900 },
    'wrong issuer': { ...base, iss: 'someone-else' },
    'no issuer': { ...bare, aud, nbf },
    'wrong audience': { ...base, aud: 'patron-admin-tool' },
    'no audience': { ...bare, iss, nbf },
    'no issued-at': (({ iat, ...rest }) => rest)(base),
  };
  for (const [name, payload] of Object.entries(refused)) {
    const r = await s.api('GET', '/api/v1/me', { token: sign(payload, secret) });
    assert.equal(r.status, 401, `${name}: ${r.status} ${r.text}`);
    assert.equal(r.json.error.code, 'unauthorized', name);
  }
  const accepted = {
    'as issued': base,
    'issued 30 s ahead (within the 60 s leeway)': { ...base, iat: now + 30, nbf: now + 30 },
  };
  for (const [name, payload] of Object.entries(accepted)) {
    const r = await s.api('GET', '/api/v1/me', { token: sign(payload, secret) });
    assert.equal(r.status, 200, `${name}: ${r.status} ${r.text}`);
  }
});

// ---- item 8: the refresh cookie -----------------------------------------------

const refreshCookieOf = (r) => (r.headers['set-cookie'] ?? []).find((c) => c.startsWith('patron_refresh='));
const cookieValue = (setCookie) => setCookie.split(';')[0].slice('patron_refresh='.length);
const attributesOf = (setCookie) => setCookie.split(';').slice(1).map((a) => a.trim());

test('login, sign-up and refresh set the refresh cookie: HttpOnly, Secure, SameSite=Strict, auth path only', async () => {
  const signup = await from('127.0.1.1', 'POST', '/api/v1/auth/register', {
    body: { email: `${unique('c')}@example.test`, password: 'password-123', name: 'Cookie' } });
  assert.equal(signup.status, 201, signup.text);
  for (const [name, r] of [['sign-up', signup], ['login', await login('127.0.1.1', signup.json.customer.email, 'password-123')]]) {
    const cookie = refreshCookieOf(r);
    assert.ok(cookie, `${name} sets patron_refresh: ${JSON.stringify(r.headers['set-cookie'])}`);
    assert.equal(cookieValue(cookie), r.json.refresh_token, `${name}: the cookie holds the refresh token`);
    const attributes = attributesOf(cookie);
    for (const expected of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) {
      assert.ok(attributes.includes(expected), `${name}: ${expected} in ${cookie}`);
    }
    assert.ok(attributes.some((a) => /^Max-Age=\d+$/.test(a)), `${name}: a lifetime in ${cookie}`);
    assert.ok(!attributes.some((a) => a.startsWith('Domain')), `${name}: host-only, no Domain in ${cookie}`);
  }
});

test('refresh and logout accept the cookie when the body has no refresh_token', async () => {
  const c = await s.registerCustomer();
  const signedIn = await login('127.0.1.2', c.email, c.password);
  const cookie = `other=1; patron_refresh=${cookieValue(refreshCookieOf(signedIn))}`;
  const refreshed = await from('127.0.1.2', 'POST', '/api/v1/auth/refresh', { headers: { cookie } });
  assert.equal(refreshed.status, 200, refreshed.text);
  assert.equal((await s.api('GET', '/api/v1/me', { token: refreshed.json.access_token })).status, 200);
  const next = refreshCookieOf(refreshed);
  assert.equal(cookieValue(next), refreshed.json.refresh_token, 'the rotated token is set as the new cookie');
  const emptyBody = await from('127.0.1.2', 'POST', '/api/v1/auth/refresh', { body: {}, headers: { cookie: `patron_refresh=${cookieValue(next)}` } });
  assert.equal(emptyBody.status, 200, `an empty JSON body falls back to the cookie: ${emptyBody.text}`);
  const reused = await from('127.0.1.2', 'POST', '/api/v1/auth/refresh', { headers: { cookie } });
  assert.equal(reused.status, 401, 'a spent cookie is refused (and revokes its family)');

  const again = await login('127.0.1.2', c.email, c.password);
  const live = `patron_refresh=${cookieValue(refreshCookieOf(again))}`;
  const out = await from('127.0.1.2', 'POST', '/api/v1/auth/logout', { headers: { cookie: live } });
  assert.equal(out.status, 204, out.text);
  const cleared = refreshCookieOf(out);
  assert.ok(cleared && cookieValue(cleared) === '' && attributesOf(cleared).includes('Max-Age=0'), `cleared: ${cleared}`);
  assert.ok(attributesOf(cleared).includes('Path=/api/v1/auth'), 'cleared on the path it was set on');
  assert.equal((await from('127.0.1.2', 'POST', '/api/v1/auth/refresh', { headers: { cookie: live } })).status, 401);
  const none = await from('127.0.1.2', 'POST', '/api/v1/auth/refresh');
  assert.equal(none.status, 400, 'neither a body nor a cookie');
  // API clients keep using the JSON body.
  const third = await login('127.0.1.2', c.email, c.password);
  const viaBody = await s.api('POST', '/api/v1/auth/refresh', { body: { refresh_token: third.json.refresh_token } });
  assert.equal(viaBody.status, 200, viaBody.text);
});

test('the session probe: 200 {session: null} without a live cookie, a rotated session with one', async () => {
  const none = await from('127.0.1.3', 'POST', '/api/v1/auth/session');
  assert.equal(none.status, 200, `a signed-out page load is not an error: ${none.text}`);
  assert.deepEqual(none.json, { session: null });
  assert.equal(refreshCookieOf(none), undefined, 'no cookie to clear');
  const unrelated = await from('127.0.1.3', 'POST', '/api/v1/auth/session', { headers: { cookie: 'other=1' } });
  assert.deepEqual([unrelated.status, unrelated.json], [200, { session: null }]);

  const c = await s.registerCustomer();
  const signedIn = await login('127.0.1.3', c.email, c.password);
  const first = `other=1; patron_refresh=${cookieValue(refreshCookieOf(signedIn))}`;
  const live = await from('127.0.1.3', 'POST', '/api/v1/auth/session', { headers: { cookie: first } });
  assert.equal(live.status, 200, live.text);
  assert.equal(live.json.session.role, 'customer');
  assert.equal(live.json.session.token_type, 'Bearer');
  assert.ok(live.json.session.expires_in > 0);
  assert.equal(live.json.session.refresh_token, undefined, 'the refresh token stays in its HttpOnly cookie');
  assert.equal(live.json.refresh_token, undefined);
  assert.equal((await s.api('GET', '/api/v1/me', { token: live.json.session.access_token })).status, 200);
  const rotated = refreshCookieOf(live);
  assert.ok(rotated && cookieValue(rotated) !== cookieValue(refreshCookieOf(signedIn)), 'the cookie rotates');
  for (const expected of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) {
    assert.ok(attributesOf(rotated).includes(expected), `${expected} in ${rotated}`);
  }

  // A spent cookie: signed out (no error), the cookie cleared, and the family revoked as on /auth/refresh.
  const reused = await from('127.0.1.3', 'POST', '/api/v1/auth/session', { headers: { cookie: first } });
  assert.deepEqual([reused.status, reused.json], [200, { session: null }]);
  const cleared = refreshCookieOf(reused);
  assert.ok(cleared && cookieValue(cleared) === '' && attributesOf(cleared).includes('Max-Age=0'), `cleared: ${cleared}`);
  const afterReuse = await from('127.0.1.3', 'POST', '/api/v1/auth/session', { headers: { cookie: `patron_refresh=${cookieValue(rotated)}` } });
  assert.deepEqual(afterReuse.json, { session: null }, 'reuse revoked the rotated token of the same family');
  const garbage = await from('127.0.1.3', 'POST', '/api/v1/auth/session', { headers: { cookie: `patron_refresh=${'x'.repeat(500)}` } });
  assert.deepEqual([garbage.status, garbage.json], [200, { session: null }]);
  assert.ok(cookieValue(refreshCookieOf(garbage)) === '', 'an oversized cookie is cleared');
});

// ---- item 8: key rotation (last: restarts the server) -------------------------------

test('rotation: JWT_SECRET_PREVIOUS verifies old tokens, JWT_SECRET signs new ones', async () => {
  const c = await s.registerCustomer();
  const oldSecret = s.env.JWT_SECRET;
  const newSecret = crypto.randomBytes(32).toString('hex');
  const restartWith = async (env) => {
    await s.kill();
    Object.assign(s.env, env);
    if (!env.JWT_SECRET_PREVIOUS) delete s.env.JWT_SECRET_PREVIOUS;
    await s.restart();
  };

  await restartWith({ JWT_SECRET: newSecret });
  assert.equal((await s.api('GET', '/api/v1/me', { token: c.token })).status, 401, 'without the previous secret the old token fails');

  await restartWith({ JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret });
  const old = await s.api('GET', '/api/v1/me', { token: c.token });
  assert.equal(old.status, 200, `a token signed with the previous secret still verifies: ${old.text}`);
  const fresh = await s.loginFull(c.email, c.password);
  assert.equal(fresh.status, 200, fresh.text);
  const [head, payload, signature] = fresh.json.access_token.split('.');
  const expected = (secret) => crypto.createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url');
  assert.equal(signature, expected(newSecret), 'new tokens are signed with JWT_SECRET');
  assert.notEqual(signature, expected(oldSecret));
  const forged = sign({ ...claimsOf(c.token), role: 'admin' }, 'x'.repeat(64));
  assert.equal((await s.api('GET', '/api/v1/me', { token: forged })).status, 401, 'any other secret still fails');
});
