// Issue 16, the console and account-recovery half: a customer resets a
// forgotten password through the link mailed by a real local SMTP server;
// staff log in on their own screen, upload a reward's image (the portal's
// card shows it with its description and terms), record a purchase and a
// return from the customer's 360° view with the customer filled in (the
// return picks the purchase and its lines), read feedback sentiment in words,
// and open Analytics before any run without a 404 in the browser console.
// Each changed screen is checked with axe-core and saved at 375 and 1280 px.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { baseUrl, STAFF_EMAIL, STAFF_PASSWORD } from './env';
import { adminApi, expectAccessible, settled, snap } from './helpers';

const RUN = randomUUID().slice(0, 8);
const CUSTOMER = { name: 'Grace Hopper', email: `grace.hopper.with.a.rather.long.address.${RUN}@very-long-domain-name.example`, password: 'cobol-1959-compiler' };
const NEW_PASSWORD = 'nanosecond-wire-30cm';
const STORE = { code: `REC-${RUN}`, name: 'Patron Market Harbour' };
const PRODUCT = { sku: `BEANS-${RUN}`, name: 'House blend beans', category: 'Coffee', brand: 'Patron Roasters', price_minor: 1800, currency: 'USD' };
const REWARD = { name: `Tote bag ${RUN}`, description: 'A sturdy canvas tote with the Patron mark.', terms: 'One per member per month. Not exchangeable for cash.', points_cost: 5000 };

/** A 320×180 PNG: a warm diagonal gradient, real enough to be drawn. */
function gradientPng(width = 320, height = 180): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const t = (x / width + y / height) / 2;
      rows.set([Math.round(240 - 80 * t), Math.round(150 + 40 * t), Math.round(90 + 120 * t)], o);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  return context.newPage();
}

/** The reset link mailed to `email` (waits up to 10 s for it). */
async function mailedLink(email: string): Promise<string> {
  const dir = process.env.PATRON_E2E_MAIL_DIR!;
  for (let i = 0; i < 100; i++) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
      if (text.includes(`X-Rcpt-To: ${email}`) && link) return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset mail to ${email}`);
}

/** The 360° view names records by card number and "Ref XXXXXX", never by a server id. */
async function expectNoInternalIds(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text, 'no customer, transaction, ledger or redemption id on screen').not.toMatch(/\b(cus|txn|led|red|sto)_[0-9a-z]/i);
}

test('signed out, the portal and staff login pages log no console error', async ({ browser }) => {
  for (const path of ['/login', '/staff/login']) {
    const page = await newPage(browser, { width: 375, height: 812 });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    const probe = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/session'));
    await page.goto(path);
    await expect(page.getByLabel('Password')).toBeVisible();
    const answer = await probe;
    expect(answer.status(), 'the session probe answers a signed-out visit with 200').toBe(200);
    expect(await answer.json()).toEqual({ session: null });
    await settled(page);
    expect(errors, `browser console errors on ${path}, signed out`).toEqual([]);
    await page.context().close();
  }
});

/** Every console error, uncaught page error and failed response the page sees from now on. */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  return errors;
}

async function customerSignsUpAndSignsOut(customer: Page): Promise<void> {
  await customer.goto('/signup');
  await customer.getByLabel('Full name').fill(CUSTOMER.name);
  await customer.getByLabel('Email').fill(CUSTOMER.email);
  await customer.getByLabel('Password').fill(CUSTOMER.password);
  await customer.getByRole('button', { name: 'Create account' }).click();
  await expect(customer).toHaveURL(/\/$/);
  await customer.context().clearCookies();  // signed out: a fresh visit
  await customer.goto('/login');
}

async function customerResetsAForgottenPassword(customer: Page): Promise<void> {
  test.skip(!process.env.PATRON_E2E_MAIL_DIR, 'no SMTP sink (python3-aiosmtpd is not installed)');
  await customer.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(customer.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(customer, 'forgot password');
  await snap(customer, 'forgot-password');
  await customer.getByLabel('Email').fill(CUSTOMER.email);
  await customer.getByRole('button', { name: 'Send me a link' }).click();
  await expect(customer.getByTestId('reset-requested')).toContainText('If an account uses this e-mail');
  await snap(customer, 'forgot-password-sent');

  const link = new URL(await mailedLink(CUSTOMER.email));
  expect(link.origin).toBe(baseUrl());
  await customer.goto(link.pathname + link.search);
  await expect(customer.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(customer, 'reset password');
  await snap(customer, 'reset-password');
  await customer.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await customer.getByRole('button', { name: 'Save the new password' }).click();
  await expect(customer).toHaveURL(/\/login\?reset=1/);
  await expect(customer.getByText('Your new password is saved')).toBeVisible();
  await customer.getByLabel('Email').fill(CUSTOMER.email);
  await customer.getByLabel('Password').fill(NEW_PASSWORD);
  await customer.getByRole('button', { name: 'Log in' }).click();
  await expect(customer).toHaveURL(/\/$/);

  // The link works once.
  const again = await customer.request.post('/api/v1/auth/password-reset/confirm', { data: { token: link.searchParams.get('token'), password: 'another-password-1' } });
  expect(again.status()).toBe(400);
  CUSTOMER.password = NEW_PASSWORD;
}

async function staffLogInOnTheirOwnScreen(staff: Page, consoleErrors: string[]): Promise<void> {
  await staff.goto('/staff/login');
  await expect(staff.getByRole('heading', { name: 'Staff console' })).toBeVisible();
  await expect(staff.getByText('Log in to see your points')).toHaveCount(0);
  await expectAccessible(staff, 'staff log in');
  await snap(staff, 'staff-login');
  expect(consoleErrors, 'browser console errors on the signed-out staff login').toEqual([]);
  await staff.getByLabel('Email').fill(STAFF_EMAIL);
  await staff.getByLabel('Password').fill(STAFF_PASSWORD);
  await staff.getByRole('button', { name: 'Log in' }).click();
  await expect(staff).toHaveURL(/\/console$/);
}

// The specs share one server: run alone, no analysis run exists yet (the empty state); after the journey
// has run `patron analyze all`, the dashboards show. Either way the browser console stays clean.
async function analyticsLogsNoConsoleError(staff: Page, consoleErrors: string[]): Promise<void> {
  await staff.getByRole('link', { name: 'Analytics' }).click();
  const empty = staff.getByText('No analysis run yet');
  await expect(empty.or(staff.getByTestId('analytics-run'))).toBeVisible();
  if (await empty.isVisible()) await snap(staff, 'console-analytics-empty');
  expect(consoleErrors, 'browser console errors on the analytics page').toEqual([]);
}

async function staffUploadTheRewardImage(staff: Page): Promise<void> {
  await staff.goto('/console/catalog/rewards');
  await staff.getByRole('button', { name: `Edit ${REWARD.name}` }).click();
  const dialog = staff.getByRole('dialog');
  await expect(dialog.getByLabel('Terms')).toHaveValue(REWARD.terms);
  await dialog.getByLabel('Upload an image').setInputFiles({ name: 'tote.png', mimeType: 'image/png', buffer: gradientPng() });
  await expect(dialog.getByTestId('reward-image-preview')).toBeVisible();
  await expect.poll(() => dialog.getByTestId('reward-image-preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await dialog.getByTestId('reward-image-preview').scrollIntoViewIfNeeded();
  await expectAccessible(staff, 'reward editor with image');
  await snap(staff, 'console-reward-image');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
}

async function rewardCardShowsImageDescriptionAndTerms(customer: Page): Promise<void> {
  await customer.goto('/rewards');
  const card = customer.getByTestId('reward-card').filter({ hasText: REWARD.name });
  await expect(card.getByTestId('reward-image')).toBeVisible();
  await expect.poll(() => card.getByTestId('reward-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expect(card.getByText(REWARD.description)).toBeVisible();
  await card.getByText('Terms').click();
  await expect(card.getByText(REWARD.terms)).toBeVisible();
  await expectAccessible(customer, 'rewards with image');
  await snap(customer, 'rewards-card-image');
}

/** Returns the 360° view's address and the points the purchase earned, which the return takes back in part. */
async function staffRecordAPurchaseFrom360(staff: Page, store: { id: string }): Promise<{ customerUrl: string; earned: number }> {
  await staff.getByRole('link', { name: 'Customers' }).click();
  await staff.getByLabel('Search by email, name or card number').fill(CUSTOMER.email);
  await staff.getByRole('button', { name: 'Search' }).click();
  await staff.getByRole('link', { name: new RegExp(CUSTOMER.name) }).first().click();
  await expect(staff.getByRole('heading', { name: CUSTOMER.name })).toBeVisible();
  const customerUrl = staff.url();
  // The whole e-mail, wrapped where a card is narrower than the address, never cut.
  const email = staff.getByTestId('customer-email');
  await expect(email).toHaveText(CUSTOMER.email);
  expect(await email.evaluate((el) => el.scrollWidth > el.clientWidth), 'the e-mail is not cut').toBe(false);
  // Staff copy for an empty history, the card number instead of the id (copied with "Copy id" only).
  const purchases = staff.locator('.card', { has: staff.getByRole('heading', { name: 'Recent purchases' }) });
  await expect(purchases.getByText('No purchases yet.')).toBeVisible();
  await expect(purchases.getByText('Record one from here with “Record purchase” above.')).toBeVisible();
  await expect(staff.getByText('Show your card at checkout')).toHaveCount(0);
  await expect(staff.getByTestId('customer-reference')).toHaveText(/^\d{4}( \d{1,4})+$/);
  await expect(staff.getByRole('button', { name: 'Copy id' })).toBeVisible();
  await expectNoInternalIds(staff);
  await expectAccessible(staff, 'customer 360 without purchases');
  await snap(staff, 'console-customer-360-actions');
  await staff.getByRole('link', { name: 'Record purchase' }).click();
  await expect(staff.getByLabel('Email')).toHaveValue(CUSTOMER.email);
  await staff.getByLabel('Store').selectOption(String(store.id));
  await staff.getByLabel('Product').selectOption(PRODUCT.sku);
  await staff.getByLabel('Qty').fill('3');
  await snap(staff, 'console-pos-prefilled');
  await staff.getByRole('button', { name: /Record purchase/ }).click();
  // 54 points at the base rate for $54.00; more when another spec's campaign is live on the shared server.
  await expect(staff.getByTestId('pos-result')).toContainText(/\+\d+ points/);
  const earned = Number((await staff.getByTestId('pos-result').textContent())?.match(/\+(\d+) points/)?.[1]);
  expect(earned).toBeGreaterThanOrEqual(54);
  return { customerUrl, earned };
}

async function staffReturnItemsFrom360(staff: Page, customerUrl: string, earned: number): Promise<void> {
  await staff.goto(customerUrl);
  await staff.getByRole('link', { name: 'Return items' }).click();
  await expect(staff.getByText(`Customer: ${CUSTOMER.name} · ${CUSTOMER.email}`)).toBeVisible();
  const purchase = staff.getByLabel('Purchase');
  await expect(purchase.locator('option')).toHaveCount(2);
  const option = await purchase.locator('option').nth(1).textContent();
  expect(option).toContain('$54.00');
  expect(option).toContain('3 items');
  expect(option).not.toMatch(/txn_/);
  await purchase.selectOption({ index: 1 });
  await expect(staff.getByText('3 can be returned')).toBeVisible();
  await staff.getByLabel(`Quantity of ${PRODUCT.name} to return`).fill('2');
  await expectAccessible(staff, 'return form');
  await snap(staff, 'console-return-pick');
  await staff.getByRole('button', { name: 'Record return' }).click();
  await expect(staff.getByTestId('return-result')).toContainText(`${(earned * 2) / 3} points reversed`);  // 2 of 3 items
  await snap(staff, 'console-return-done');
}

async function sentimentReadsInWordsIn360(customer: Page, staff: Page, customerUrl: string): Promise<void> {
  const token = (await (await customer.request.post('/api/v1/auth/login', { data: { email: CUSTOMER.email, password: CUSTOMER.password } })).json()).access_token;
  const sent = await customer.request.post('/api/v1/me/feedback', { headers: { Authorization: `Bearer ${token}` }, data: { rating: 5, text: 'Lovely staff, great coffee, happy and delighted!' } });
  expect(sent.status()).toBe(201);
  await staff.goto(customerUrl);
  await expect(staff.getByText(/Sentiment: positive, \d\.\d\d on −1…1/)).toBeVisible();
  await expect(staff.getByTestId('purchase')).toHaveCount(1);
  await expect(staff.getByTestId('purchase').getByText('Partly returned')).toBeVisible();
  await expect(staff.getByText(/^Purchase · Ref\s[0-9A-Z]{6}$/).first()).toBeVisible(); // "Ref" and its code: a no-break space
  await expectNoInternalIds(staff);
  await expectAccessible(staff, 'customer 360 with history');
  await snap(staff, 'console-customer-360-sentiment');
  await staff.setViewportSize({ width: 375, height: 812 });
  expect(await staff.evaluate(() => document.documentElement.scrollWidth), 'nothing wider than the phone').toBeLessThanOrEqual(375);
  await staff.setViewportSize({ width: 1280, height: 900 });
}

test('account recovery and staff workflows', async ({ browser }) => {
  const admin = await adminApi();
  const store = await admin.post<{ id: string }>('/admin/stores', STORE);
  await admin.post('/admin/products', PRODUCT);
  await admin.post('/admin/rewards', REWARD);
  await admin.post('/admin/earning-rules', { name: `Base ${RUN}`, kind: 'base_rate', rate_milli: 1000 });

  const customer = await newPage(browser, { width: 375, height: 812 });
  const staff = await newPage(browser, { width: 1280, height: 900 });
  const consoleErrors = consoleErrorsOf(staff);

  await test.step('a customer signs up', () => customerSignsUpAndSignsOut(customer));
  await test.step('"Forgot password?" mails a link that sets a new password', () => customerResetsAForgottenPassword(customer));
  await test.step('staff log in on their own screen', () => staffLogInOnTheirOwnScreen(staff, consoleErrors));
  await test.step('Analytics: the empty state or the stored run, and no error in the browser console', () => analyticsLogsNoConsoleError(staff, consoleErrors));
  await test.step('staff upload the reward image in the console', () => staffUploadTheRewardImage(staff));
  await test.step('the portal reward card shows the image, description and terms', () => rewardCardShowsImageDescriptionAndTerms(customer));
  const { customerUrl, earned } = await test.step('from the 360° view: record a purchase with the customer filled in', () =>
    staffRecordAPurchaseFrom360(staff, store),
  );
  await test.step('from the 360° view: return items by picking the purchase and its lines', () => staffReturnItemsFrom360(staff, customerUrl, earned));
  await test.step('feedback sentiment reads in words in the 360° view', () => sentimentReadsInWordsIn360(customer, staff, customerUrl));
});
