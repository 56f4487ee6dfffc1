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
