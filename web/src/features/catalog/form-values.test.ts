import { describe, expect, it } from 'vitest';
import { initialValue, toPayload } from './form-values';
import { RESOURCES, itemId } from './resources';

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe('catalog form values', () => {
  it('builds a product with the price in minor units', () => {
    const { payload, errors } = toPayload(RESOURCES.products.fields!, formData({ sku: 'A1', name: 'Apple', category: 'Fruit', brand: '', currency: 'eur', price_minor: '1.25' }));
    expect(errors).toEqual({});
    expect(payload).toEqual({ sku: 'A1', name: 'Apple', category: 'Fruit', currency: 'EUR', price_minor: 125 });
  });

  it('reports required and malformed fields', () => {
    const { errors } = toPayload(RESOURCES.rewards.fields!, formData({ name: '', points_cost: '1.5', stock: '' }));
    expect(errors).toEqual({ name: 'Name is required.', points_cost: 'Points cost must be a whole number.' });
  });

  it('leaves optional reward fields out when empty and converts dates to ISO', () => {
    const { payload } = toPayload(RESOURCES.rewards.fields!, formData({ name: 'Coffee', description: 'A cup', points_cost: '100', active_from: '2026-03-01T10:00' }));
    expect(payload).toMatchObject({ name: 'Coffee', points_cost: 100 });
    expect(payload).not.toHaveProperty('stock');
    expect(new Date(payload.active_from as string).getTime()).toBe(new Date('2026-03-01T10:00').getTime());
  });

  it('sends tier multipliers as permille and reads them back', () => {
    const { payload, errors } = toPayload(RESOURCES.tiers.fields!, formData({ code: 'gold', name: 'Gold', threshold_minor: '150000', multiplier_permille: '1.5' }));
    expect(errors).toEqual({});
    expect(payload).toEqual({ code: 'gold', name: 'Gold', threshold_minor: 150000, multiplier_permille: 1500 });
    const multiplier = RESOURCES.tiers.fields!.find((f) => f.name === 'multiplier_permille')!;
    expect(initialValue(multiplier, { multiplier_permille: 1250 })).toBe('1.25');
  });

  it('requires an earning rule kind', () => {
    expect(toPayload(RESOURCES['earning-rules'].fields!, formData({ name: 'Base', kind: '' })).errors).toEqual({ kind: 'Kind is required.' });
  });

  it('prefills the money field in major units', () => {
    const price = RESOURCES.products.fields!.find((f) => f.name === 'price_minor')!;
    expect(initialValue(price, { price_minor: 1999, currency: 'EUR' })).toBe('19.99');
  });

  it('addresses objects by id, then sku, then code', () => {
    expect(itemId({ id: 7, sku: 'x' })).toBe('7');
    expect(itemId({ sku: 'x' })).toBe('x');
    expect(itemId({ code: 'S1' })).toBe('S1');
  });
});
