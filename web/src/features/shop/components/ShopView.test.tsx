import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { writeCart } from '../cart';
import { ShopView } from './ShopView';

afterEach(() => vi.unstubAllGlobals());
beforeEach(() => writeCart([]));

const PRODUCTS = {
  currency: 'USD',
  next_cursor: null,
  items: [
    { sku: 'COF-1', name: 'Coffee beans', category: 'coffee', brand: 'Roastery', price_minor: 1250 },
    { sku: 'MUG-1', name: 'Mug', category: 'goods', brand: 'Clay', price_minor: 900 },
  ],
};

describe('ShopView', () => {
  it('says plainly that online payment is not configured, and offers no way to pay', async () => {
    serveFakeFetch({
      'GET /api/v1/shop/config': () => json(200, { enabled: false, currency: 'USD' }),
      'GET /api/v1/shop/products': () => json(200, PRODUCTS),
    });
    renderWithProviders(<ShopView />);
    expect(await screen.findByText('Online payment is not set up yet')).toBeTruthy();
    expect(screen.getAllByTestId('shop-product')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /add/i })).toBeNull();
    expect(screen.queryByText('Pay with Stripe')).toBeNull();
    expect(document.body.textContent).not.toMatch(/COF-1|MUG-1/);
    // The category as the rest of the portal writes it, next to the brand.
    expect(screen.getByText('Roastery · Coffee')).toBeTruthy();
    expect(screen.getByText('Clay · Goods')).toBeTruthy();
  });

  it('builds a cart priced from the catalog, with steppers and a total', async () => {
    const user = userEvent.setup();
    serveFakeFetch({
      'GET /api/v1/shop/config': () => json(200, { enabled: true, currency: 'USD' }),
      'GET /api/v1/shop/products': () => json(200, PRODUCTS),
    });
    renderWithProviders(<ShopView />);
    await user.click(await screen.findByRole('button', { name: 'Add Coffee beans to the cart' }));
    await user.click(screen.getAllByRole('button', { name: 'One more Coffee beans' })[0]);
    await user.click(screen.getByRole('button', { name: 'Add Mug to the cart' }));
    const cart = screen.getByTestId('shop-cart');
    expect(within(cart).getByTestId('cart-total').textContent).toBe('$34.00');
    expect(within(cart).getByRole('button', { name: 'Pay with Stripe' })).toBeTruthy();
    await user.click(within(cart).getByRole('button', { name: 'Remove Mug' }));
    expect(within(cart).getByTestId('cart-total').textContent).toBe('$25.00');
  });
});
