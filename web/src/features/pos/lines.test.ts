import { describe, expect, it } from 'vitest';
import { toPurchaseLines, totalMinor } from './lines';

describe('POS lines', () => {
  it('turns typed lines into API lines in minor units', () => {
    const { lines, errors } = toPurchaseLines(
      [
        { key: 1, sku: 'SKU-1', quantity: '2', unit_price: '4.99' },
        { key: 2, sku: ' SKU-2 ', quantity: '1', unit_price: '10' },
      ],
      'EUR',
    );
    expect(errors).toEqual({});
    expect(lines).toEqual([
      { sku: 'SKU-1', quantity: 2, unit_price_minor: 499 },
      { sku: 'SKU-2', quantity: 1, unit_price_minor: 1000 },
    ]);
    expect(totalMinor(lines)).toBe(1998);
  });

  it.each([
    [{ key: 1, sku: '', quantity: '1', unit_price: '1' }, 'Choose a product.'],
    [{ key: 1, sku: 'A', quantity: '0', unit_price: '1' }, 'Quantity must be a whole number of at least 1.'],
    [{ key: 1, sku: 'A', quantity: '1.5', unit_price: '1' }, 'Quantity must be a whole number of at least 1.'],
    [{ key: 1, sku: 'A', quantity: '1', unit_price: 'x' }, 'Enter a price such as 4.99.'],
  ])('rejects %j', (draft, message) => {
    expect(toPurchaseLines([draft], 'EUR').errors).toEqual({ 1: message });
  });
});
