import { describe, expect, it } from 'vitest';
import { MAX_CART_LINES, MAX_QUANTITY, parseCart, priceCart, quantityOf, setQuantity } from './cart';

const coffee = { sku: 'COF', name: 'Coffee', category: 'coffee', brand: 'Bean', price_minor: 1000 };
const mug = { sku: 'MUG', name: 'Mug', category: 'goods', brand: 'Clay', price_minor: 5000 };

describe('cart', () => {
  it('adds, changes and removes lines within the bounds', () => {
    let cart = setQuantity([], coffee, 1);
    cart = setQuantity(cart, mug, 2);
    cart = setQuantity(cart, coffee, 3);
    expect(cart.map((l) => [l.sku, l.quantity])).toEqual([['COF', 3], ['MUG', 2]]);
    expect(quantityOf(setQuantity(cart, coffee, 500), 'COF')).toBe(MAX_QUANTITY);
    expect(setQuantity(cart, coffee, 0).map((l) => l.sku)).toEqual(['MUG']);
    expect(setQuantity([], coffee, 0)).toEqual([]);
  });

  it('keeps at most the server bound of lines', () => {
    let cart = Array.from({ length: MAX_CART_LINES }, (_, i) => ({ sku: `S${i}`, name: `S${i}`, price_minor: 1, quantity: 1 }));
    cart = setQuantity(cart, coffee, 1);
    expect(cart).toHaveLength(MAX_CART_LINES);
  });

  it('prices at the catalog price shown now, else as last seen', () => {
    const cart = setQuantity(setQuantity([], coffee, 2), mug, 1);
    const cheaperCoffee = { ...coffee, price_minor: 800 };
    const priced = priceCart(cart, [cheaperCoffee]);
    expect(priced.total_minor).toBe(2 * 800 + 5000);
    expect(priced.items).toBe(3);
    expect(priced.lines.map((l) => l.name)).toEqual(['Coffee', 'Mug']);
  });

  it('reads back only well-formed stored carts', () => {
    expect(parseCart('[{"sku":"COF","name":"Coffee","price_minor":1000,"quantity":2},{"sku":5},{"sku":"X","name":"X","price_minor":1,"quantity":1.5}]')).toEqual([
      { sku: 'COF', name: 'Coffee', price_minor: 1000, quantity: 2 },
    ]);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart(null)).toEqual([]);
  });
});
