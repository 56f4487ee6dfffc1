// The online shop (issue 17) in the browser: a customer searches the shop,
// fills a cart, pays "with Stripe" and is sent to Stripe's page (a local
// stand-in for Stripe's API answers the real libcurl call, e2e/stripe-stand-in.ts);
// Stripe's webhook (signed by the official stripe package) then lands and the
// success page shows the points. Each screen is checked with axe-core and
// saved at 375 px and 1280 px.

import { expect, request, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { baseUrl } from './env';
import { adminApi, expectAccessible, snap } from './helpers';
import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET, type RecordedRequest } from './stripe-stand-in';

const RUN = randomUUID().slice(0, 8);
const BEANS = { sku: `SHOP-BEANS-${RUN}`, name: `House blend beans ${RUN}`, category: 'Coffee', brand: 'Patron Roasters', price_minor: 1450, currency: 'USD' };
const MUG = { sku: `SHOP-MUG-${RUN}`, name: `Stoneware mug ${RUN}`, category: 'Homeware', brand: 'Clay & Co', price_minor: 1800, currency: 'USD' };
const CUSTOMER = { name: 'Grace Hopper', email: `grace.${RUN}@test.local`, password: 'compiler-1952-cobol' };
const EARNING_RULE = { name: `Shop base rate ${RUN}`, kind: 'base_rate', rate_milli: 1000 };

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  return context.newPage();
}

async function stripeRequests(): Promise<RecordedRequest[]> {
  const url = process.env.PATRON_E2E_STRIPE_URL;
  if (!url) throw new Error('the global setup did not start the Stripe stand-in');
  return (await (await fetch(`${url}/__requests`)).json()) as RecordedRequest[];
}

/** The customer, signed in on a phone. */
async function signedInCustomer(browser: Browser): Promise<Page> {
  const page = await newPage(browser, { width: 375, height: 812 });
  await page.goto('/login');
  await page.getByLabel('Email').fill(CUSTOMER.email);
  await page.getByLabel('Password').fill(CUSTOMER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

async function customerFillsTheCart(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main (mobile)' }).getByRole('link', { name: 'Shop' }).click();
  await expect(page.getByRole('heading', { name: 'Shop', level: 1 })).toBeVisible();
  await page.getByLabel('Search products').fill(RUN);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('shop-product')).toHaveCount(2);
  await page.getByRole('button', { name: `Add ${BEANS.name} to the cart` }).click();
  await page.getByRole('button', { name: `One more ${BEANS.name}` }).first().click();
  await page.getByRole('button', { name: `Add ${MUG.name} to the cart` }).click();
  await expect(page.getByTestId('cart-total')).toHaveText('$47.00');
  await expect(page.getByRole('link', { name: /Cart: 3 items, \$47\.00/ })).toBeVisible();
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toContain(BEANS.sku);
  await expectAccessible(page, 'shop');
  await snap(page, 'shop');
}

/** Returns the Checkout Session's id, which Stripe's webhook names. */
async function checkoutSendsTheBrowserToStripe(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Pay with Stripe' }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.PATRON_E2E_STRIPE_URL}/c/pay/cs_test_e2e_`));
  await expect(page.getByRole('heading', { name: 'Stripe test checkout' })).toBeVisible();
  const sessionId = page.url().split('/').pop() ?? '';
  const sent = (await stripeRequests()).filter((r) => r.url === '/v1/checkout/sessions').at(-1)!;
  expect(sent.headers.authorization).toBe(`Bearer ${E2E_STRIPE_SECRET_KEY}`);
  expect(sent.headers['idempotency-key']).toBeTruthy();
  const form = new URLSearchParams(sent.body);
  expect(form.get('mode')).toBe('payment');
  expect(form.get('line_items[0][price_data][unit_amount]')).toBe('1450');
  expect(form.get('line_items[0][quantity]')).toBe('2');
  expect(form.get('line_items[1][price_data][unit_amount]')).toBe('1800');
  expect(form.get('success_url')).toBe(`${baseUrl()}/shop/success?session_id={CHECKOUT_SESSION_ID}`);
  return sessionId;
}

async function pointsShowOnceTheWebhookLands(page: Page, registered: APIRequestContext, sessionId: string): Promise<void> {
  await page.goto(`/shop/success?session_id=${sessionId}`);
  await expect(page.getByTestId('checkout-waiting')).toBeVisible();
  const payload = JSON.stringify({
    id: `evt_e2e_${RUN}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: sessionId, object: 'checkout.session', payment_status: 'paid', payment_intent: `pi_e2e_${RUN}` } },
  });
  const header = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({ payload, secret: E2E_STRIPE_WEBHOOK_SECRET });
  const hook = await registered.post('/api/v1/webhooks/stripe', { data: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
  expect(hook.status(), await hook.text()).toBe(200);
  await expect(page.getByTestId('checkout-paid')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('points-earned')).toHaveText(/^\+\d[\d,]* pts$/);
  expect(await page.getByTestId('points-earned').textContent()).not.toBe('+0 pts');
  expect((await page.locator('main').textContent()) ?? '').not.toContain('cs_test');
  await expectAccessible(page, 'shop success');
  await snap(page, 'shop-success');
}

async function cancelledPaymentSaysNothingWasCharged(page: Page): Promise<void> {
  await page.goto('/shop/cancel');
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await expectAccessible(page, 'shop cancelled');
  await snap(page, 'shop-cancel');
}

test('a customer fills a cart, is sent to Stripe, and sees the points once the payment is confirmed', async ({ browser }) => {
  test.skip(!process.env.PATRON_E2E_STRIPE_URL, 'needs the Stripe stand-in of the global setup');
  const admin = await adminApi();
  await admin.post('/admin/products', BEANS);
  await admin.post('/admin/products', MUG);
  await admin.post('/admin/earning-rules', EARNING_RULE);
  const registered = await request.newContext({ baseURL: baseUrl() });
  expect((await registered.post('/api/v1/auth/register', { data: CUSTOMER })).status()).toBe(201);

  const page = await signedInCustomer(browser);

  await test.step('the shop: search, add to the cart, change quantities', () => customerFillsTheCart(page));
  const sessionId = await test.step('checkout sends the browser to Stripe, which was asked for the right amounts', () => checkoutSendsTheBrowserToStripe(page));
  await test.step('back from Stripe: confirming, then the points once the webhook lands', () => pointsShowOnceTheWebhookLands(page, registered, sessionId));
  await test.step('a cancelled payment says nothing was charged', () => cancelledPaymentSaysNothingWasCharged(page));
  await registered.dispose();
});
