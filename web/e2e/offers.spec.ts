// Issue 13, the offers journey against the real server on a fresh database:
// customers with a purchase history in Coffee; an admin creates a campaign in
// the console (audience "bought Coffee", triple points on Coffee), watches
// the audience size preview, generates the offers and puts the campaign live;
// a customer who got an offer (not one held back in the control group) sees
// it on Home and in "For you" with its reason, and activates it; staff
// records a qualifying purchase on the POS screen, which names the offer's
// bonus; the customer's balance includes it, the offer shows as used, the
// 360° view lists it with its reasons, and the campaign report counts the
// redemption. Every new screen is checked with axe-core, saved at 375 px and
// 1280 px, and checked for sideways overflow at 375 px.

import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { baseUrl, STAFF_EMAIL, STAFF_PASSWORD } from './env';
import { adminApi, expectAccessible, settled, snap, type AdminApi } from './helpers';

const RUN = randomUUID().slice(0, 8);
const CATEGORY = 'Coffee';
const STORE = { code: `OFF-${RUN}`, name: 'Patron Market Riverside' };
const COFFEE = { sku: `ESPRESSO-${RUN}`, name: 'House espresso beans', category: CATEGORY, brand: 'Patron Roasters', price_minor: 1800, currency: 'USD' };
const MILK = { sku: `MILK-${RUN}`, name: 'Oat milk', category: 'Dairy', brand: 'Patron Farms', price_minor: 350, currency: 'USD' };
const EARNING_RULE = { name: `Base rate ${RUN}`, kind: 'base_rate', rate_milli: 1000 };
const CAMPAIGN_NAME = `Coffee lovers ${RUN}`;
const PASSWORD = 'espresso-doppio-2026';
// Enough customers that both arms have several (the editor sets a 25 % control group), so the report has intervals.
// Sixteen: the server admits about twenty sign-ups per address in ten minutes, and the journey signs one up too.
const CUSTOMERS = Array.from({ length: 16 }, (_, i) => ({ name: `Coffee Fan ${i + 1}`, email: `fan${i + 1}.${RUN}@test.local`, password: PASSWORD }));

interface Registered {
  id: string;
  email: string;
  name: string;
  token: string;
}

interface Offer {
  id: string;
  title: string;
  reasons: string[];
  status: string;
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  return context.newPage();
}

/** Nothing wider than the viewport at 375 px (no squeezed or cut-off content). */
async function expectNoOverflowAt375(page: Page): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
  if (original) await page.setViewportSize(original);
}

async function register(c: { name: string; email: string; password: string }): Promise<Registered> {
  const ctx = await request.newContext({ baseURL: baseUrl() });
  const response = await ctx.post('/api/v1/auth/register', { data: c });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { customer: { id: string }; access_token: string };
  await ctx.dispose();
  return { id: body.customer.id, email: c.email, name: c.name, token: body.access_token };
}

async function myOffers(token: string): Promise<Offer[]> {
  const ctx = await request.newContext({ baseURL: baseUrl() });
  const response = await ctx.get('/api/v1/me/offers', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { items: Offer[] };
  await ctx.dispose();
  return body.items;
}

/** The program (a store, coffee and milk, a base rate) and the customers, who all bought coffee two and five weeks ago. */
async function seedCoffeeBuyers(admin: AdminApi): Promise<{ store: { id: string }; customers: Registered[] }> {
  const store = await admin.post<{ id: string }>('/admin/stores', STORE);
  await admin.post('/admin/products', COFFEE);
  await admin.post('/admin/products', MILK);
  await admin.post('/admin/earning-rules', EARNING_RULE);

  const customers: Registered[] = [];
  for (const c of CUSTOMERS) customers.push(await register(c));
  for (const [i, c] of customers.entries()) {
    for (const days of [35, 14]) {
      await admin.post(
        '/pos/purchases',
        {
          customer: { id: c.id },
          store_id: store.id,
          occurred_at: new Date(Date.now() - days * 86_400_000).toISOString(),
          currency: 'USD',
          external_id: `hist-${RUN}-${i}-${days}`,
          lines: [
            { sku: COFFEE.sku, quantity: 1, unit_price_minor: COFFEE.price_minor },
            { sku: MILK.sku, quantity: 1, unit_price_minor: MILK.price_minor },
          ],
        },
        { 'Idempotency-Key': randomUUID() },
      );
    }
  }
  return { store, customers };
}

async function staffSignsInAndOpensCampaigns(staff: Page): Promise<void> {
  await staff.goto('/login');
  await staff.getByLabel('Email').fill(STAFF_EMAIL);
  await staff.getByLabel('Password').fill(STAFF_PASSWORD);
  await staff.getByRole('button', { name: 'Log in' }).click();
  await expect(staff).toHaveURL(/\/console$/);
  await staff.getByRole('link', { name: 'Campaigns' }).click();
  await expect(staff.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
  await expect(staff.getByText('No campaigns yet').or(staff.getByTestId('campaign-row').first())).toBeVisible();
  if (await staff.getByText('No campaigns yet').isVisible()) {
    await expectAccessible(staff, 'campaigns (empty)');
    await snap(staff, 'console-campaigns-empty');
  }
}

async function adminCreatesTheCampaign(staff: Page): Promise<void> {
  await staff.getByRole('link', { name: 'New campaign' }).click();
  await expect(staff.getByRole('heading', { name: 'New campaign', level: 1 })).toBeVisible();
  await expect(staff.getByTestId('audience-size')).toHaveText(/^[\d,]+ customers? match(es)?$/);
  await staff.getByLabel('Name', { exact: true }).fill(CAMPAIGN_NAME);
  await staff.getByLabel('Goal').selectOption({ label: 'Grow the basket' });
  const bought = staff.getByRole('textbox', { name: 'Bought any of these categories' });
  await bought.fill(CATEGORY);
  await bought.press('Enter');
  // The audience preview follows the filter (debounced): our eight coffee buyers at least.
  await expect
    .poll(async () => Number(((await staff.getByTestId('audience-size').textContent()) ?? '').replace(/[^\d]/g, '')))
    .toBeGreaterThanOrEqual(CUSTOMERS.length);
  await staff.getByLabel('Kind of offer').selectOption({ label: 'Points multiplier on a category or product' });
  await staff.getByLabel('Points multiplier').fill('3');
  await staff.getByLabel('Category', { exact: true }).fill(CATEGORY);
  await staff.getByLabel('Control group (% of the audience)').fill('25');
  await expectAccessible(staff, 'campaign editor (new)');
  await snap(staff, 'console-campaign-new');
  await expectNoOverflowAt375(staff);
  await staff.getByRole('button', { name: 'Create campaign' }).click();
  await expect(staff).toHaveURL(/\/console\/campaigns\/(?!new)[^/]+$/);
  await expect(staff.getByRole('heading', { name: CAMPAIGN_NAME, level: 1 })).toBeVisible();
  await expect(staff.locator('.campaign-summary')).toContainText('Draft');
}

async function adminGeneratesOffersAndGoesLive(staff: Page): Promise<void> {
  await staff.getByRole('button', { name: 'Generate offers' }).click();
  await expect(staff.getByTestId('generate-result')).toHaveText(/^[\d,]+ offers? created for [\d,]+ customers?; [\d,]+ customers? held back as the control group\.$/);
  await expect(staff.getByTestId('generate-result')).not.toHaveText(/^0 offers/);
  await staff.getByRole('button', { name: 'Go live' }).click();
  const dialog = staff.getByRole('dialog');
  await expect(dialog).toContainText('Once live');
  await dialog.getByRole('button', { name: 'Go live' }).click();
  await expect(dialog).toBeHidden();
  await expect(staff.locator('.campaign-summary')).toContainText('Live');
  await expectAccessible(staff, 'campaign (live)');
  await snap(staff, 'console-campaign');
  await expectNoOverflowAt375(staff);
  await staff.getByRole('link', { name: 'All campaigns' }).click();
  const row = staff.getByTestId('campaign-row').filter({ hasText: CAMPAIGN_NAME });
  await expect(row).toContainText('Live');
  await expect(row).toContainText('Grow the basket');
  await expectAccessible(staff, 'campaigns');
  await snap(staff, 'console-campaigns');
  await expectNoOverflowAt375(staff);
}

/** The treatment customers have an offer; control customers have none: the first customer with one, and the offer. */
async function firstCustomerWithAnOffer(customers: Registered[]): Promise<{ customer: Registered; myOffer: Offer }> {
  let chosen: Registered | null = null;
  let offer: Offer | null = null;
  for (const c of customers) {
    const offers = await myOffers(c.token);
    if (offers.length > 0) {
      chosen = c;
      offer = offers[0];
      break;
    }
  }
  expect(chosen, 'no coffee buyer got an offer').not.toBeNull();
  const myOffer = offer!;
  expect(myOffer.reasons.length, 'an offer carries its reasons').toBeGreaterThan(0);
  return { customer: chosen!, myOffer };
}

async function customerSeesTheOffer(customerPage: Page, customer: Registered, myOffer: Offer): Promise<void> {
  await customerPage.goto('/login');
  await customerPage.getByLabel('Email').fill(customer.email);
  await customerPage.getByLabel('Password').fill(PASSWORD);
  await customerPage.getByRole('button', { name: 'Log in' }).click();
  await expect(customerPage).toHaveURL(/\/$/);
  const home = customerPage.getByTestId('home-offers');
  await expect(home).toContainText(myOffer.title);
  await expectAccessible(customerPage, 'home with offers');
  await snap(customerPage, 'home-offers');
  await customerPage.getByRole('navigation', { name: 'Main (mobile)' }).getByRole('link', { name: 'For you' }).click();
  await expect(customerPage.getByRole('heading', { name: 'For you', level: 1 })).toBeVisible();
  const card = customerPage.getByRole('article', { name: myOffer.title });
  await expect(card.getByTestId('offer-summary')).toHaveText(/^3× points on Coffee/);
  await expect(card.getByText("Why you're seeing this")).toBeVisible();
  await expect(card.getByTestId('offer-reasons')).toContainText(myOffer.reasons[0]);
  await expect(card.getByTestId('offer-expiry')).toHaveText(/^Ends (today|tomorrow|[A-Z][a-z]{2} \d{1,2}(, \d{4})?)$/);
  await expect(customerPage.locator('body')).not.toContainText(myOffer.id);
  await expectAccessible(customerPage, 'for you');
  await snap(customerPage, 'offers');
  await expectNoOverflowAt375(customerPage);
}

async function customerActivatesTheOffer(customerPage: Page, myOffer: Offer): Promise<void> {
  const card = customerPage.getByRole('article', { name: myOffer.title });
  const button = card.getByRole('button', { name: `Activate: ${myOffer.title}` });
  const box = await button.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await button.click();
  await expect(card.getByTestId('offer-state')).toHaveText(/Activated/);
  await snap(customerPage, 'offers-activated');
}

/** Returns the balance after the purchase, as the receipt states it. */
async function staffRecordsAQualifyingPurchase(staff: Page, store: { id: string }, customer: Registered, myOffer: Offer): Promise<string> {
  await staff.getByRole('link', { name: 'Point of sale' }).click();
  await staff.getByLabel('Email').fill(customer.email);
  await staff.getByLabel('Store').selectOption(String(store.id));
  await staff.getByLabel('Product').selectOption(COFFEE.sku);
  await staff.getByLabel('Qty').fill('2');
  await staff.getByRole('button', { name: 'Record purchase' }).click();
  await expect(staff.getByTestId('pos-result')).toBeVisible();
  const applied = staff.getByTestId('pos-applied-offer');
  await expect(applied).toHaveCount(1);
  await expect(applied).toContainText(`Offer: ${myOffer.title}`);
  await expect(applied).toHaveText(/: \+[\d,]+ points$/);
  await expect(staff.getByTestId('pos-applied')).not.toContainText(myOffer.id);
  const balanceAfter = ((await staff.getByTestId('pos-result').textContent()) ?? '').match(/balance ([\d,]+)/)?.[1] ?? '';
  expect(balanceAfter).not.toBe('');
  await expectAccessible(staff, 'POS with an offer bonus');
  await snap(staff, 'console-pos-offer');
  return balanceAfter;
}

async function customerSeesTheBonusAndTheOfferUsed(customerPage: Page, myOffer: Offer, balanceAfter: string): Promise<void> {
  // The customer opens the portal again after paying (the balance is cached for a while within a visit).
  await customerPage.goto('/');
  await expect(customerPage.getByTestId('points-balance')).toHaveText(new RegExp(`^${balanceAfter}\\s*pts$`));
  await customerPage.getByRole('navigation', { name: 'Main (mobile)' }).getByRole('link', { name: 'For you' }).click();
  await expect(customerPage.getByRole('article', { name: myOffer.title }).getByTestId('offer-state')).toHaveText(/Used/);
  await snap(customerPage, 'offers-used');
}

async function staffSeesTheOfferIn360(staff: Page, customer: Registered, myOffer: Offer): Promise<void> {
  await staff.goto(`/console/customers/${encodeURIComponent(customer.id)}`);
  const card = staff.getByTestId('customer-offers');
  await expect(card).toContainText(myOffer.title);
  await expect(card).toContainText(myOffer.reasons[0]);
  await expect(card).toContainText('Used');
  await expectAccessible(staff, 'customer 360 with offers');
  await snap(staff, 'console-customer-360-offers');
  await expectNoOverflowAt375(staff);
}

async function theReportCountsTheRedemption(staff: Page, admin: AdminApi): Promise<void> {
  await staff.getByRole('link', { name: 'Campaigns' }).click();
  await staff.getByRole('link', { name: CAMPAIGN_NAME }).click();
  await staff.getByRole('tab', { name: 'Report' }).click();
  const table = staff.getByTestId('report-table');
  const used = table.getByRole('row', { name: /Offers used/ });
  await expect(used.getByRole('cell').first()).toHaveText(/^[1-9][\d,]*$/);
  await expect(staff.getByTestId('chart-revenue').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(staff.getByTestId('chart-purchase-rate').locator('.recharts-errorBar')).toHaveCount(1);
  await expect(staff.getByTestId('report-method')).not.toHaveText(/^Method\.\s*$/);
  await expect(staff.getByTestId('uplift-purchase-rate-ci')).toHaveText(/^95 % interval /);
  const report = await admin.get<Record<string, unknown>>(`/admin/campaigns/${encodeURIComponent(staff.url().split('/').pop() ?? '')}/report`);
  test.info().annotations.push({ type: 'report', description: JSON.stringify(report) });
  await expectAccessible(staff, 'campaign report');
  await snap(staff, 'console-campaign-report');
  await expectNoOverflowAt375(staff);
}

test('an admin runs a personalized campaign; a customer activates and uses the offer; the report counts it', async ({ browser }) => {
  const admin = await adminApi();
  await admin.get('/admin/campaigns'); // fails here on a server without the issue 13 back end
  const { store, customers } = await seedCoffeeBuyers(admin);

  const staff = await newPage(browser, { width: 1280, height: 900 });
  const customerPage = await newPage(browser, { width: 375, height: 812 });

  await test.step('staff signs in and opens Campaigns', () => staffSignsInAndOpensCampaigns(staff));
  await test.step('the admin creates a campaign, with a live audience size', () => adminCreatesTheCampaign(staff));
  await test.step('the admin generates the offers and puts the campaign live', () => adminGeneratesOffersAndGoesLive(staff));
  const { customer, myOffer } = await firstCustomerWithAnOffer(customers);
  await test.step('the customer sees the offer on Home and in "For you", with its reason', () => customerSeesTheOffer(customerPage, customer, myOffer));
  await test.step('the customer activates the offer', () => customerActivatesTheOffer(customerPage, myOffer));
  const balanceAfter = await test.step('staff records a qualifying purchase; the receipt names the offer bonus', () =>
    staffRecordsAQualifyingPurchase(staff, store, customer, myOffer),
  );
  await test.step('the customer sees the balance with the bonus, and the offer as used', () => customerSeesTheBonusAndTheOfferUsed(customerPage, myOffer, balanceAfter));
  await test.step('staff sees the offer and its reasons in the 360° view', () => staffSeesTheOfferIn360(staff, customer, myOffer));
  await test.step('the report counts the redemption, with the chart and the method', () => theReportCountsTheRedemption(staff, admin));
});
