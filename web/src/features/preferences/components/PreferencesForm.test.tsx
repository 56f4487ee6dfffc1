import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { PreferencesForm } from './PreferencesForm';

afterEach(() => vi.unstubAllGlobals());

describe('PreferencesForm', () => {
  it('suggests the categories and brands the catalog sells, not a fixed list', async () => {
    const fake = serveFakeFetch({
      'GET /api/v1/me/preferences': () => json(200, { favorite_categories: ['Tea'], note: 'kept' }),
      'GET /api/v1/catalog/facets': () => json(200, { categories: ['Bakery', 'Coffee', 'Tea'], brands: ['Patron Roasters'] }),
      'PUT /api/v1/me/preferences': (req) => json(200, req.body),
    });
    renderWithProviders(<PreferencesForm />);
    const categories = await screen.findByRole('group', { name: 'Suggested favourite categories' });
    expect(within(categories).getAllByRole('button').map((b) => b.textContent)).toEqual(['+ Bakery', '+ Coffee']);
    expect(screen.queryByText(/Electronics|Fashion/)).toBeNull();
    const brands = screen.getByRole('group', { name: 'Suggested favourite brands' });
    await userEvent.click(within(brands).getByRole('button', { name: '+ Patron Roasters' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    await screen.findByText('Preferences saved.');
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({ favorite_categories: ['Tea'], favorite_brands: ['Patron Roasters'], note: 'kept' });
  });

  it('shows categories as the rest of the portal writes them, and saves the catalog values', async () => {
    const fake = serveFakeFetch({
      'GET /api/v1/me/preferences': () => json(200, { favorite_categories: ['household'] }),
      'GET /api/v1/catalog/facets': () => json(200, { categories: ['bakery', 'fresh_produce', 'household'], brands: ['CleanCo'] }),
      'PUT /api/v1/me/preferences': (req) => json(200, req.body),
    });
    renderWithProviders(<PreferencesForm />);
    const categories = await screen.findByRole('group', { name: 'Suggested favourite categories' });
    expect(within(categories).getAllByRole('button').map((b) => b.textContent)).toEqual(['+ Bakery', '+ Fresh produce']);
    const chosen = screen.getByRole('list', { name: 'Selected favourite categories' });
    expect(within(chosen).getByText('Household')).toBeTruthy();
    await userEvent.click(within(categories).getByRole('button', { name: '+ Bakery' }));
    await userEvent.type(screen.getByLabelText('Favourite categories'), 'Fresh produce{Enter}');
    expect(within(chosen).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Household', 'Bakery', 'Fresh produce']);
    await userEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    await screen.findByText('Preferences saved.');
    expect(fake.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ favorite_categories: ['household', 'bakery', 'fresh_produce'] });
  });

  it('shows no suggestions when the catalog cannot be read', async () => {
    serveFakeFetch({
      'GET /api/v1/me/preferences': () => json(200, {}),
      'GET /api/v1/catalog/facets': () => json(500, { error: { code: 'internal', message: 'x' } }),
    });
    renderWithProviders(<PreferencesForm />);
    await screen.findByLabelText('Favourite categories');
    expect(screen.queryByRole('group', { name: /Suggested/ })).toBeNull();
  });
});
