import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { clvText, Customer360View } from './Customer360View';
import { view360AfterRun, view360WithoutRun } from '../testing/fixtures';

afterEach(() => vi.unstubAllGlobals());

const serve = (body: unknown) => serveFakeFetch({ [`GET /api/v1/admin/customers/${view360AfterRun.id}`]: () => json(200, body) });

describe('Customer360View insights', () => {
  it('shows segment, CLV (major units) and P(alive) from the latest run', async () => {
    serve(view360AfterRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    const insights = await screen.findByTestId('customer-insights');
    expect(within(insights).getByTestId('segment').textContent).toBe(view360AfterRun.segment);
    expect(within(insights).getByTestId('clv').textContent).toBe(clvText(view360AfterRun.clv!, 'USD'));
    expect(within(insights).getByTestId('p-alive').textContent).toMatch(/^\d+%$/);
  });

  it('has no insights card when the customer is not in a run (null fields)', async () => {
    serve(view360WithoutRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    expect(await screen.findByRole('heading', { name: view360WithoutRun.name })).toBeTruthy();
    expect(screen.queryByTestId('customer-insights')).toBeNull();
  });

  it('formats CLV numbers as major currency units', () => {
    expect(clvText(123.456, 'USD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(123.46));
  });
});

const withHistory = {
  ...view360AfterRun,
  status: 'active',
  preferences: { channels: ['sms', 'email'], favorite_categories: ['Coffee'] },
  recent_transactions: [{ ...view360AfterRun.recent_transactions[0], status: 'partially_returned', points_earned: 26, points_reversed: 13 }],
  ledger: [
    { id: 'led_01hx9f2a9c4f2a9c', occurred_at: '2026-11-28T12:45:24Z', kind: 'earn', points: 26, balance_after: 26, reference: 'txn_hnuquu9cgvf00000666', reason: null, reward_name: null },
    { id: 'led_01hx9f2a9c4f2a9d', occurred_at: '2026-11-29T09:00:00Z', kind: 'redeem', points: -10, balance_after: 16, reference: 'red_01hx9f2a9c7b7b7b', reason: null, reward_name: 'Free coffee' },
  ],
  recent_feedback: [{ id: 'fbk_01hx9f2a9c4f2a9c', rating: 4, text: 'Nice', product_sku: null, store_id: null, tags: [], sentiment: 0.5, created_at: '2026-11-29T09:05:00Z' }],
};

describe('Customer360View shows no internal data to staff', () => {
  it('names the customer by card number or a short reference, never by an id, status or placeholder e-mail', async () => {
    serve(withHistory);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    await screen.findByRole('heading', { name: view360AfterRun.name });
    const text = document.body.textContent ?? '';
    for (const prefix of ['cus_', 'txn_', 'led_', 'red_', 'sto_', 'fbk_']) expect(text, prefix).not.toContain(prefix);
    expect(text).not.toContain('imported.invalid');
    expect(text).not.toMatch(/partially_returned|PARTIALLY_RETURNED/);
    expect(screen.getByTestId('customer-reference').textContent).toBe('Ref 0002QV');
    expect(screen.getByText('Partly returned')).toBeTruthy();
    expect(screen.getByText('Purchase · Ref 000666')).toBeTruthy();
    expect(screen.getByText('Free coffee · Ref 7B7B7B')).toBeTruthy();
    expect(screen.getByTestId('account-status').textContent).toBe('Active');
    expect(screen.getByText('SMS')).toBeTruthy();
    expect(screen.getByText('None on file')).toBeTruthy();
  });

  it('shows the card number when there is one, and copies the id for support with "Copy id"', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    serve(view360WithoutRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    expect((await screen.findByTestId('customer-reference')).textContent).toBe(view360WithoutRun.card_number.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(screen.getByText('Card number')).toBeTruthy();
    expect(document.body.textContent).not.toContain(view360WithoutRun.id);
    fireEvent.click(screen.getByRole('button', { name: 'Copy id' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(view360WithoutRun.id));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('writes every label in sentence case and shows the whole e-mail', async () => {
    serve({ ...withHistory, email: 'a.very.long.address.for.testing@patron-loyalty.example', phone: '+1 555 0100', created_at: '2026-12-01T10:00:00Z' });
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    await screen.findByRole('heading', { name: view360AfterRun.name });
    const labels = [...document.querySelectorAll('dt')].map((dt) => dt.textContent ?? '');
    expect(labels).toEqual(expect.arrayContaining(['Email', 'Member since', 'Points balance', 'Channels', 'Favourite categories']));
    // Sentence case: a capital first letter, then none but in a known abbreviation.
    for (const label of labels) expect(label, label).toMatch(/^[A-Z0-9][^A-Z]*$|^P\(alive\)$/);
    const email = screen.getByTestId('customer-email');
    expect(email.textContent).toBe('a.very.long.address.for.testing@patron-loyalty.example');
    expect(email.className).not.toContain('truncate');
  });

  it('has staff copy when there are no purchases, not the member\'s "Show your card"', async () => {
    serve(view360WithoutRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} actions={() => <a href="/console/pos">Record purchase</a>} />);
    expect(await screen.findByText('No purchases yet.')).toBeTruthy();
    expect(screen.getByText('Record one from here with “Record purchase” above.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Show your card');
  });
});
