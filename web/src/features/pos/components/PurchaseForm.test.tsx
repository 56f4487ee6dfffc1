import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { PurchaseForm } from './PurchaseForm';

afterEach(() => vi.unstubAllGlobals());

const STORE = { id: 'sto_0mx59i7q2k4fz3x8d1', archived: false, code: 'DT01', name: 'Downtown' };
const PRODUCT = { id: 'prd_0mx59i7q2k4fz3x8d2', archived: false, sku: 'BEV-001', name: 'Flat white', category: 'coffee', brand: 'Patron', price_minor: 350, currency: 'USD' };
const RESULT = { transaction_id: 'txn_0mx59i7q2k4fz3x8d3', points_earned: 3, balance_after: 103, tier: null, applied: [] };

function serveTill() {
  return serveFakeFetch({
    'GET /api/v1/admin/stores': () => json(200, { items: [STORE], next_cursor: null }),
    'GET /api/v1/admin/products': () => json(200, { items: [PRODUCT], next_cursor: null }),
    'POST /api/v1/pos/purchases': () => json(201, RESULT),
  });
}

describe('PurchaseForm: who bought', () => {
  it('asks for the e-mail or the card number, never an internal id', async () => {
    serveTill();
    renderWithProviders(<PurchaseForm />);
    const by = await screen.findByLabelText('Identify the customer by');
    expect(within(by).getAllByRole('option').map((o) => o.textContent)).toEqual(['Email', 'Card number']);
    expect(screen.queryByText(/\bid\b/i)).toBeNull();
    expect(screen.getByLabelText('Email')).toBeTruthy();
  });

  it('finds the customer by the card number as the card prints it, sending its digits', async () => {
    const fake = serveTill();
    renderWithProviders(<PurchaseForm />);
    await userEvent.selectOptions(await screen.findByLabelText('Identify the customer by'), 'card_number');
    const card = screen.getByLabelText('Card number');
    expect(card.getAttribute('inputmode')).toBe('numeric');
    expect(document.getElementById(card.getAttribute('aria-describedby')!)?.textContent).toMatch(/number under the barcode on the member’s card/);
    await userEvent.type(card, '7427 3458 7404');
    await userEvent.selectOptions(screen.getByLabelText('Store'), STORE.id);
    await userEvent.selectOptions(screen.getByLabelText('Product'), PRODUCT.sku);
    await userEvent.click(screen.getByRole('button', { name: 'Record purchase' }));
    await screen.findByTestId('pos-result');
    const sent = fake.calls.find((c) => c.method === 'POST');
    expect((sent?.body as { customer: unknown }).customer).toEqual({ card_number: '742734587404' });
  });
});
