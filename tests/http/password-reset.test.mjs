// "Forgot password?" (issue 16) against a real SMTP server the test starts:
// the link arrives by mail, works once, expires, and the answer never tells
// whether an address has an account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Server, unique } from './harness.mjs';
import { resetToken, SmtpSink } from './smtp.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const smtp = new SmtpSink();
const PUBLIC_URL = 'http://portal.example.test:8080';
let s;        // the default 30-minute links
let short;    // links that expire after 2 seconds

before(async () => {
  await smtp.start();
  s = new Server({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'Patron <no-reply@shop.example>', PUBLIC_URL } });
  short = new Server({ env: { SMTP_URL: smtp.url, PASSWORD_RESET_TTL_SECONDS: '2' } });
  await Promise.all([s.start(), short.start()]);
  s.adminToken = await s.login(ADMIN_EMAIL, ADMIN_PASSWORD);
});
after(async () => {
  await Promise.all([s?.stop(), short?.stop()]);
  await smtp.stop();
});

const ask = (server, email) => server.api('POST', '/api/v1/auth/password-reset', { body: { email } });
const confirm = (server, token, password) =>
  server.api('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password } });

test('the link arrives by SMTP, sets the new password once and signs every session out', async () => {
  const c = await s.registerCustomer('Reset Me');
  const asked = await ask(s, c.email.toUpperCase());  // addresses are compared normalized
  assert.equal(asked.status, 202, asked.text);
  const [mail] = await smtp.waitFor(c.email);
  assert.match(mail.text, /^Subject: Reset your Patron password/m);
  assert.match(mail.text, /^From: Patron <no-reply@shop\.example>/m);
  assert.match(mail.text, /Hello Reset Me/);
  assert.ok(mail.text.includes(`${PUBLIC_URL}/reset-password?token=`), 'the link names the portal from PUBLIC_URL');
  assert.match(mail.text, /within 30 minutes/);
  const token = resetToken(mail);

  const done = await confirm(s, token, 'a-new-password-7');
  assert.equal(done.status, 204, done.text);
  assert.equal((await s.loginFull(c.email, 'a-new-password-7')).status, 200);
  assert.equal((await s.loginFull(c.email, c.password)).status, 401, 'the old password is gone');
  const refreshed = await s.api('POST', '/api/v1/auth/refresh', { body: { refresh_token: c.refresh } });
  assert.equal(refreshed.status, 401, 'refresh tokens from before the reset are revoked');

  const again = await confirm(s, token, 'yet-another-password-8');
  assert.equal(again.status, 400);
  assert.equal(again.json.error.field, 'token');
  assert.match(again.json.error.message, /invalid, expired or already used/);
  assert.equal((await s.loginFull(c.email, 'a-new-password-7')).status, 200, 'a reused link changes nothing');
});

test('an unknown address gets the very same answer, and no mail', async () => {
  const c = await s.registerCustomer();
  const nobody = `${unique('nobody')}@example.test`;
  const unknown = await ask(s, nobody);
  const known = await ask(s, c.email);
  assert.equal(unknown.status, 202);
  assert.equal(known.status, 202);
  assert.deepEqual(unknown.json, known.json);
  assert.match(known.json.message, /If an account uses this e-mail/);
  await smtp.waitFor(c.email);  // mail is sent in order: the unknown one would be there by now
  assert.equal(smtp.mailsTo(nobody).length, 0);
});

test('confirming checks the password rules and the token', async () => {
  const c = await s.registerCustomer();
  await ask(s, c.email);
  const token = resetToken((await smtp.waitFor(c.email))[0]);
  const weak = await confirm(s, token, 'short');
  assert.equal(weak.status, 400);
  assert.equal(weak.json.error.field, 'password');
  const forged = await confirm(s, 'A'.repeat(43), 'a-fine-password-9');
  assert.equal(forged.status, 400);
  assert.equal(forged.json.error.field, 'token');
  const missing = await s.api('POST', '/api/v1/auth/password-reset/confirm', { body: { password: 'a-fine-password-9' } });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.field, 'token');
  const badEmail = await ask(s, 'not-an-email');
  assert.equal(badEmail.status, 400);
  assert.equal(badEmail.json.error.field, 'email');
  assert.equal((await confirm(s, token, 'a-fine-password-9')).status, 204, 'the refused attempts did not spend the link');
});

test('staff reset their password the same way', async () => {
  await ask(s, ADMIN_EMAIL);
  const token = resetToken((await smtp.waitFor(ADMIN_EMAIL))[0]);
  assert.equal((await confirm(s, token, 'admin-new-pass-1')).status, 204);
  assert.equal((await s.loginFull(ADMIN_EMAIL, 'admin-new-pass-1')).json.role, 'admin');
});

test('an address gets three mails, then the same answer but no more mail', async () => {
  const c = await s.registerCustomer();
  for (let i = 0; i < 5; i++) assert.equal((await ask(s, c.email)).status, 202);
  await smtp.waitFor(c.email, 3);
  await sleep(500);
  assert.equal(smtp.mailsTo(c.email).length, 3);
});

test('a client asking too often is answered 429 with Retry-After', async () => {
  let limited = null;
  for (let i = 0; i < 15 && !limited; i++) {
    const r = await ask(s, `${unique('flood')}@example.test`);
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 202);
  }
  assert.ok(limited, 'no 429 within 15 requests');
  assert.equal(limited.json.error.code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('a link expires (PASSWORD_RESET_TTL_SECONDS=2 here; 30 minutes by default)', async () => {
  const c = await short.registerCustomer();
  assert.equal((await ask(short, c.email)).status, 202);
  const [mail] = await smtp.waitFor(c.email);
  assert.match(mail.text, /within 1 minute:/);
  await sleep(2_500);
  const late = await confirm(short, resetToken(mail), 'too-late-password-1');
  assert.equal(late.status, 400);
  assert.equal(late.json.error.field, 'token');
  assert.equal((await short.loginFull(c.email, c.password)).status, 200, 'the password is unchanged');
});
