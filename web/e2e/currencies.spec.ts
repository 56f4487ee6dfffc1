// Issue 12, finding 2: the console screen for exchange rates, against the real
// server on a fresh database (base currency USD). An admin opens Currencies,
// sees the empty state, adds JPY at 0.0067, reads "1 JPY = 0.0067 USD", edits
// it, removes it after a confirmation. Each state is checked with axe-core,
// saved at 375 px and 1280 px, and checked for sideways overflow at 375 px.

import { expect, test, type Page } from '@playwright/test';
import { baseUrl, STAFF_EMAIL, STAFF_PASSWORD } from './env';
import { adminApi, expectAccessible, settled, snap, type AdminApi } from './helpers';

/** Nothing wider than the viewport at 375 px (no squeezed or cut-off content). */
async function expectNoOverflowAt375(page: Page): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
  if (original) await page.setViewportSize(original);
}

/** `ratesBefore`: how many rates the server held when the test began; the empty state shows only without any. */
async function adminOpensCurrencies(page: Page, ratesBefore: number): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(STAFF_EMAIL);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.getByRole('link', { name: 'Currencies' }).click();
  await expect(page).toHaveURL(/\/console\/currencies$/);
  await expect(page.getByRole('heading', { name: 'Currencies', level: 1 })).toBeVisible();
  await expect(page.getByTestId('base-currency')).toHaveText('Points are earned in US dollars (USD).');
  if (ratesBefore === 0) {
    await expect(page.getByText('No exchange rates yet')).toBeVisible();
    await expect(page.getByText(/a purchase in any other currency is refused until a rate is set/)).toBeVisible();
    await expectAccessible(page, 'currencies (empty)');
    await snap(page, 'console-currencies-empty');
    await expectNoOverflowAt375(page);
  }
}

async function unknownCodeIsRefusedByItsField(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add a currency' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a currency' });
  await dialog.getByLabel('Currency code').fill('QQQ');
  await dialog.getByLabel('Rate in USD').fill('2');
  await dialog.getByRole('button', { name: 'Add currency' }).click();
  const code = dialog.getByLabel('Currency code');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await code.getAttribute('aria-describedby')}`)).not.toBeEmpty();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
}

async function adminAddsJpy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add a currency' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a currency' });
  await dialog.getByLabel('Currency code').pressSequentially('jpy');
  await expect(dialog.getByLabel('Currency code')).toHaveValue('JPY');
  await dialog.getByLabel('Rate in USD').fill('0.0067');
  await expect(dialog.getByTestId('rate-preview')).toHaveText('1 JPY = 0.0067 USD: ¥100 counts as $0.67.');
  await expectAccessible(page, 'currencies (add)');
  await snap(page, 'console-currencies-add');
  await dialog.getByRole('button', { name: 'Add currency' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('rate-JPY');
  await expect(row.getByTestId('rate-sentence')).toHaveText('1 JPY = 0.0067 USD');
  await expect(row.getByRole('heading', { level: 3 })).toHaveText('Japanese Yen');
  await expect(row).toContainText('¥100 counts as $0.67');
  await expect(row.locator('time')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expectAccessible(page, 'currencies');
  await snap(page, 'console-currencies');
  await expectNoOverflowAt375(page);
}

async function adminEditsTheRate(page: Page, admin: AdminApi): Promise<void> {
  await page.getByRole('button', { name: 'Edit the rate for Japanese Yen (JPY)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the rate for Japanese Yen (JPY)' });
  await expect(dialog.getByLabel('Rate in USD')).toHaveValue('0.0067');
  await dialog.getByLabel('Rate in USD').fill('0.0069');
  await snap(page, 'console-currencies-edit');
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('rate-JPY').getByTestId('rate-sentence')).toHaveText('1 JPY = 0.0069 USD');
  const after = await admin.get<{ items: { currency: string; rate: string }[] }>('/admin/currency-rates');
  expect(after.items.find((i) => i.currency === 'JPY')?.rate).toBe('0.0069');
}

async function adminRemovesTheRate(page: Page, admin: AdminApi): Promise<void> {
  await page.getByRole('button', { name: 'Remove the rate for Japanese Yen (JPY)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the rate for Japanese Yen (JPY)?' });
  await expect(dialog).toContainText('Purchases in Japanese yen will be refused');
  await expectAccessible(page, 'currencies (remove)');
  await snap(page, 'console-currencies-remove');
  await dialog.getByRole('button', { name: 'Remove rate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/The rate for Japanese Yen \(JPY\) was removed/)).toBeVisible();
  await expect(page.getByTestId('rate-JPY')).toHaveCount(0);
  const after = await admin.get<{ items: { currency: string }[] }>('/admin/currency-rates');
  expect(after.items.map((i) => i.currency)).not.toContain('JPY');
}

test('an admin adds, edits and removes an exchange rate', async ({ browser }) => {
  const admin = await adminApi();
  const before = await admin.get<{ base_currency: string; items: { currency: string }[] }>('/admin/currency-rates');
  expect(before.base_currency).toBe('USD');
  expect(before.items.map((i) => i.currency), 'a fresh database has no rate for JPY').not.toContain('JPY');

  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await test.step('the admin signs in and opens Currencies', () => adminOpensCurrencies(page, before.items.length));
  await test.step('a code the server does not know is refused next to its field', () => unknownCodeIsRefusedByItsField(page));
  await test.step('the admin adds JPY at 0.0067', () => adminAddsJpy(page));
  await test.step('the admin edits the rate', () => adminEditsTheRate(page, admin));
  await test.step('the admin removes it after a confirmation', () => adminRemovesTheRate(page, admin));

  await context.close();
  await admin.ctx.dispose();
});
