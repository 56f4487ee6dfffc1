import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { CurrencyRatesManager } from './CurrencyRatesManager';

afterEach(() => vi.unstubAllGlobals());

const LIST = 'GET /api/v1/admin/currency-rates';
const EUR = { currency: 'EUR', rate: '1.08', minor_unit_exponent: 2, updated_at: '2026-12-01T02:00:00Z' };
const JPY = { currency: 'JPY', rate: '0.0067', minor_unit_exponent: 0, updated_at: '2026-12-02T10:00:00Z' };
const answer = (...items: unknown[]) => () => json(200, { base_currency: 'USD', base_minor_unit_exponent: 2, items });

/** Opens "Add a currency", types the code and the rate, and submits: the dialog, to look into. */
async function addCurrency(user: ReturnType<typeof userEvent.setup>, code: string, rate: string) {
  await user.click(await screen.findByRole('button', { name: 'Add a currency' }));
  const dialog = screen.getByRole('dialog');
  await user.type(within(dialog).getByLabelText('Currency code'), code);
  await user.type(within(dialog).getByLabelText('Rate in USD'), rate);
  await user.click(within(dialog).getByRole('button', { name: 'Add currency' }));
  return dialog;
}

describe('CurrencyRatesManager', () => {
  it('states the base currency and each rate in words', async () => {
    serveFakeFetch({ [LIST]: answer(JPY, EUR) });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    expect((await screen.findByTestId('base-currency')).textContent).toBe('Points are earned in US dollars (USD).');
    const rows = screen.getAllByRole('listitem');
    // Sorted by code; the sentence, the worked example and a human date.
    expect(rows.map((r) => within(r).getByTestId('rate-sentence').textContent)).toEqual(['1 EUR = 1.08 USD', '1 JPY = 0.0067 USD']);
    expect(within(rows[0]).getByRole('heading', { level: 3 }).textContent).toBe('Euro');
    expect(rows[0].textContent).toContain('€100.00 counts as $108.00');
    expect(rows[0].querySelector('time')?.textContent).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(EUR.updated_at)));
    expect(rows[1].textContent).toContain('¥100 counts as $0.67');
    expect(screen.getByRole('button', { name: 'Edit the rate for Euro (EUR)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove the rate for Japanese Yen (JPY)' })).toBeTruthy();
  });

  it('is read-only for staff who are not admins', async () => {
    serveFakeFetch({ [LIST]: answer(EUR) });
    renderWithProviders(<CurrencyRatesManager canEdit={false} />);
    expect(await screen.findByText('1 EUR = 1.08 USD')).toBeTruthy();
    expect(screen.getByText('Only an admin can add, change or remove a rate.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add a currency|Edit|Remove/ })).toBeNull();
  });

  it('explains the empty state: other currencies are refused until a rate is set', async () => {
    serveFakeFetch({ [LIST]: answer() });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    expect(await screen.findByText('No exchange rates yet')).toBeTruthy();
    expect(screen.getByText(/a purchase in any other currency is refused until a rate is set for it/)).toBeTruthy();
  });

  it('shows an error state with Try again', async () => {
    const fake = serveFakeFetch({ [LIST]: [() => apiError(503, 'unavailable', 'The service is busy.'), answer(EUR)] });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 EUR = 1.08 USD')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('adds a currency: the code is upper-cased, the rate sent as text, the list refreshed', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({
      [LIST]: [answer(EUR), answer(EUR, JPY)],
      'PUT /api/v1/admin/currency-rates/JPY': () => json(200, JPY),
    });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    await user.click(await screen.findByRole('button', { name: 'Add a currency' }));
    const dialog = screen.getByRole('dialog');
    const code = within(dialog).getByLabelText('Currency code') as HTMLInputElement;
    await user.type(code, 'jpy');
    expect(code.value).toBe('JPY');
    expect(within(dialog).getByText('Japanese Yen')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Rate in USD'), '0.0067');
    expect(within(dialog).getByTestId('rate-preview').textContent).toBe('1 JPY = 0.0067 USD: ¥100 counts as $0.67.');
    await user.click(within(dialog).getByRole('button', { name: 'Add currency' }));
    expect(await screen.findByText(/^Saved: 1 JPY = 0.0067 USD\./)).toBeTruthy();
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ rate: '0.0067' });
    await waitFor(() => expect(screen.getAllByTestId('rate-sentence').map((n) => n.textContent)).toEqual(['1 EUR = 1.08 USD', '1 JPY = 0.0067 USD']));
  });

  it('checks the fields before sending anything', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({ [LIST]: answer(EUR) });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    const dialog = await addCurrency(user, 'EUR', '1.2.3');
    expect(within(dialog).getByText('EUR already has a rate. Use Edit in the list to change it.')).toBeTruthy();
    const rate = within(dialog).getByLabelText('Rate in USD');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(rate.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter the rate as a number with a decimal point, for example 1.08.');
    expect(fake.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it("shows the server's field error next to the field it names", async () => {
    const user = userEvent.setup();
    serveFakeFetch({
      [LIST]: answer(EUR),
      'PUT /api/v1/admin/currency-rates/XTS': () => apiError(400, 'validation_failed', 'unknown ISO 4217 currency code', 'currency'),
    });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    const dialog = await addCurrency(user, 'XTS', '2');
    const code = within(dialog).getByLabelText('Currency code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(code.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Unknown ISO 4217 currency code.');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('edits a rate: the code is fixed, the rate prefilled', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({
      [LIST]: [answer(EUR), answer({ ...EUR, rate: '1.1' })],
      'PUT /api/v1/admin/currency-rates/EUR': () => json(200, { ...EUR, rate: '1.1' }),
    });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    await user.click(await screen.findByRole('button', { name: 'Edit the rate for Euro (EUR)' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Change the rate for Euro (EUR)' })).toBeTruthy();
    expect((within(dialog).getByLabelText('Currency code') as HTMLInputElement).readOnly).toBe(true);
    const rate = within(dialog).getByLabelText('Rate in USD') as HTMLInputElement;
    expect(rate.value).toBe('1.08');
    await user.clear(rate);
    await user.type(rate, '1,10');
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    expect(await screen.findByText('1 EUR = 1.1 USD')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'PUT')?.body).toEqual({ rate: '1.1' });
  });

  it('removes a rate after a confirmation', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({
      [LIST]: [answer(EUR), answer()],
      'DELETE /api/v1/admin/currency-rates/EUR': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    await user.click(await screen.findByRole('button', { name: 'Remove the rate for Euro (EUR)' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Purchases in euros will be refused at the till/)).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Remove rate' }));
    expect(await screen.findByText(/The rate for Euro \(EUR\) was removed/)).toBeTruthy();
    expect(await screen.findByText('No exchange rates yet')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('treats a rate already removed elsewhere (404) as removed', async () => {
    const user = userEvent.setup();
    serveFakeFetch({
      [LIST]: [answer(EUR), answer()],
      'DELETE /api/v1/admin/currency-rates/EUR': () => apiError(404, 'not_found', 'no rate for EUR'),
    });
    renderWithProviders(<CurrencyRatesManager canEdit />);
    await user.click(await screen.findByRole('button', { name: 'Remove the rate for Euro (EUR)' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove rate' }));
    expect(await screen.findByText('No exchange rates yet')).toBeTruthy();
  });
});
