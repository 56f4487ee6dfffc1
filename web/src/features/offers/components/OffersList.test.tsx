import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import type { Offer } from '@/types/offers';
import { HomeOffersCard } from './HomeOffersCard';
import { OffersList } from './OffersList';

afterEach(() => vi.unstubAllGlobals());

const LIST = 'GET /api/v1/me/offers';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const COFFEE: Offer = {
  id: 'of-1',
  campaign_id: 'c-1',
  title: 'Triple points on Coffee',
  description: 'Earn three times the points on every coffee.',
  kind: 'bonus_multiplier',
  value: 3,
  category: 'Coffee',
  sku: null,
  min_spend_minor: null,
  expires_at: inDays(20),
  activated: false,
  status: 'issued',
  reasons: ['You often buy Coffee', 'We miss you: your last visit was 64 days ago'],
  bonus_points: 0,
};
const BAKERY: Offer = { ...COFFEE, id: 'of-2', title: '50 bonus points at the bakery', kind: 'bonus_points', value: 50, category: 'Bakery', min_spend_minor: 2000, reasons: ['Customers who buy Coffee also buy Bakery'] };
const USED: Offer = { ...COFFEE, id: 'of-3', title: '10% off Tea', kind: 'percent_off', value: 10, category: 'Tea', status: 'redeemed', activated: true, reasons: ['You bought Tea last month'] };

describe('OffersList ("For you")', () => {
  it('shows each offer in words with its reasons and expiry, no ids or raw kinds', async () => {
    serveFakeFetch({ [LIST]: () => json(200, { items: [USED, COFFEE, BAKERY], next_cursor: null }) });
    renderWithProviders(<OffersList currency="USD" />);
    const cards = await screen.findAllByRole('article');
    // Offers to act on first, used ones last.
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['Triple points on Coffee', '50 bonus points at the bakery', '10% off Tea']);
    const coffee = cards[0];
    expect(within(coffee).getByTestId('offer-summary').textContent).toBe('3× points on Coffee');
    expect(within(coffee).getByText("Why you're seeing this")).toBeTruthy();
    expect(within(coffee).getAllByRole('listitem').map((li) => li.textContent)).toEqual(COFFEE.reasons);
    expect(within(coffee).getByTestId('offer-expiry').textContent).toMatch(/^Ends [A-Z][a-z]{2} \d{1,2}(, \d{4})?$/);
    expect(within(cards[1]).getByTestId('offer-summary').textContent).toBe('50 bonus points on Bakery when you spend $20.00 or more');
    expect(within(cards[2]).getByTestId('offer-state').textContent).toContain('Used');
    expect(within(cards[2]).queryByRole('button')).toBeNull();
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/of-1|c-1|bonus_multiplier|percent_off|issued/);
  });

  it('writes raw categories and money the one way the server writes its own sentences', async () => {
    // As GET /me/offers answers: the category raw ("produce"), the title and description in words.
    const PRODUCE: Offer = {
      ...COFFEE,
      id: 'of-4',
      title: '150 bonus points on Produce',
      description: 'Activate it, then shop for Produce before it ends, spending $15.00 or more.',
      kind: 'bonus_points',
      value: 150,
      category: 'produce',
      min_spend_minor: 1500,
      reasons: ['You bought Produce before'],
    };
    const DOUBLE: Offer = { ...COFFEE, id: 'of-5', title: 'Double points on Bakery', description: 'Activate it, then shop for Bakery before it ends.', value: 2, category: 'bakery', reasons: ['You bought Bakery before'] };
    serveFakeFetch({ [LIST]: () => json(200, { items: [DOUBLE, PRODUCE], next_cursor: null }) });
    renderWithProviders(<OffersList currency="USD" />);
    const cards = await screen.findAllByRole('article');
    expect(within(cards[0]).getByTestId('offer-summary').textContent).toBe('2× points on Bakery');
    expect(within(cards[1]).getByTestId('offer-summary').textContent).toBe('150 bonus points on Produce when you spend $15.00 or more');
    const text = document.body.textContent ?? '';
    expect(text).toContain('spending $15.00 or more.');
    expect(text).not.toMatch(/ on bakery| on produce|\bUSD\b/);
  });

  it('activates an offer: the button turns into "Activated"', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({
      [LIST]: () => json(200, { items: [COFFEE], next_cursor: null }),
      'POST /api/v1/me/offers/of-1/activate': () => json(200, { ...COFFEE, activated: true, status: 'activated' }),
    });
    renderWithProviders(<OffersList />);
    const button = await screen.findByRole('button', { name: 'Activate: Triple points on Coffee' });
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId('offer-state').textContent).toContain('Activated'));
    expect(screen.queryByRole('button', { name: /Activate/ })).toBeNull();
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('explains a refused activation (409) and refreshes the list', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({
      [LIST]: [() => json(200, { items: [COFFEE] }), () => json(200, { items: [{ ...COFFEE, status: 'expired' }] })],
      'POST /api/v1/me/offers/of-1/activate': () => apiError(409, 'conflict', 'offer expired'),
    });
    renderWithProviders(<OffersList />);
    await user.click(await screen.findByRole('button', { name: /Activate/ }));
    expect(await screen.findByText('This offer has ended or has already been used.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('offer-state').textContent).toBe('Expired'));
    expect(fake.calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('has a friendly empty state', async () => {
    serveFakeFetch({ [LIST]: () => json(200, { items: [], next_cursor: null }) });
    renderWithProviders(<OffersList />);
    expect(await screen.findByText('No offers for you right now')).toBeTruthy();
  });
});

describe('HomeOffersCard', () => {
  it('shows up to two open offers and links to all', async () => {
    serveFakeFetch({ [LIST]: () => json(200, { items: [USED, COFFEE, BAKERY, { ...COFFEE, id: 'of-4', title: 'Fourth' }] }) });
    renderWithProviders(<HomeOffersCard currency="USD" />);
    const card = await screen.findByTestId('home-offers');
    await waitFor(() => expect(within(card).getAllByTestId('offer')).toHaveLength(2));
    expect(within(card).getByRole('link', { name: 'See all 4' }).getAttribute('href')).toBe('/offers');
    expect(within(card).queryByText('10% off Tea')).toBeNull();
    expect(within(card).getAllByTestId('offer-reasons')[0].textContent).toBe('You often buy Coffee');
  });
});
