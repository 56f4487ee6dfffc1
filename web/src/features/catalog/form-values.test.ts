import { describe, expect, it } from 'vitest';
import { initialValue, referencedIds, toPayload } from './form-values';
import { itemId } from './resources';
import type { FieldDef } from './types';

// Fields as GET /admin/catalog/schema sends them (the HTTP suite checks the server's schema itself).
const field = (name: string, kind: FieldDef['kind'], label: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  kind,
  label,
  required: false,
  nullable: true,
  hint: null,
  min: kind === 'money' ? 0 : ['integer', 'permille'].includes(kind) ? -1e12 : null,
  max: ['integer', 'money', 'permille'].includes(kind) ? 1e12 : null,
  choices: [],
  currency: null,
  references: null,
  applies_when: null,
  default: null,
  ...extra,
});
const required = { required: true, nullable: false };

const PRODUCT = [
  field('sku', 'text', 'SKU', required),
  field('name', 'text', 'Name', required),
  field('category', 'text', 'Category'),
  field('brand', 'text', 'Brand'),
  field('price_minor', 'money', 'Price', required),
  field('currency', 'currency', 'Currency', required),
];
const REWARD = [
  field('name', 'text', 'Name', required),
  field('description', 'long_text', 'Description'),
  field('points_cost', 'integer', 'Points cost', { ...required, min: 1 }),
  field('stock', 'integer', 'Stock', { min: 0 }),
  field('active_from', 'instant', 'Active from'),
  field('voucher_valid_days', 'integer', 'Voucher valid for (days)', { nullable: false, min: 1, max: 3650 }),
];
const TIER = [
  field('code', 'text', 'Code', required),
  field('name', 'text', 'Name', required),
  field('threshold_minor', 'money', 'Qualifying spend', { ...required, currency: 'JPY' }),
  field('multiplier_permille', 'permille', 'Points multiplier', { min: 0, max: 100_000 }),
];
const KIND = field('kind', 'choice', 'Kind', { ...required, choices: [{ value: 'base_rate', label: 'Base rate' }] });

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe('catalog form values', () => {
  it('builds a product with the price in minor units', () => {
    const { payload, errors } = toPayload(PRODUCT, formData({ sku: 'A1', name: 'Apple', category: 'Fruit', brand: '', currency: 'eur', price_minor: '1.25' }));
    expect(errors).toEqual({});
    expect(payload).toEqual({ sku: 'A1', name: 'Apple', category: 'Fruit', brand: null, currency: 'EUR', price_minor: 125 });
  });

  it('reports required and malformed fields', () => {
    const { errors } = toPayload(REWARD, formData({ name: '', points_cost: '1.5', stock: '' }));
    expect(errors).toEqual({ name: 'Name is required.', points_cost: 'Points cost must be a whole number.' });
  });

  it('says what the server would of a number outside the schema bounds', () => {
    const { errors } = toPayload(REWARD, formData({ name: 'Coffee', points_cost: '0', stock: '-1', voucher_valid_days: '4000' }));
    expect(errors).toEqual({
      points_cost: 'Points cost must be at least 1.',
      stock: 'Stock must not be negative.',
      voucher_valid_days: 'Voucher valid for (days) must be from 1 to 3650.',
    });
    expect(toPayload(TIER, formData({ code: 'x', name: 'X', threshold_minor: '0', multiplier_permille: '101' })).errors).toEqual({
      multiplier_permille: 'Points multiplier must be at most 100.',
    });
  });

  it('clears an emptied optional field, leaves a defaulted one out and converts dates to ISO', () => {
    const { payload } = toPayload(REWARD, formData({ name: 'Coffee', description: 'A cup', points_cost: '100', stock: '', active_from: '2026-03-01T10:00' }));
    expect(payload).toMatchObject({ name: 'Coffee', points_cost: 100 });
    expect(payload.stock).toBeNull(); // an edit that empties Stock makes the reward unlimited again
    expect(payload).not.toHaveProperty('voucher_valid_days'); // not nullable: the server's default stands
    expect(new Date(payload.active_from as string).getTime()).toBe(new Date('2026-03-01T10:00').getTime());
  });

  it('sends tier multipliers as permille and reads them back', () => {
    const { payload, errors } = toPayload(TIER, formData({ code: 'gold', name: 'Gold', threshold_minor: '1500', multiplier_permille: '1.5' }));
    expect(errors).toEqual({});
    expect(payload).toEqual({ code: 'gold', name: 'Gold', threshold_minor: 1500, multiplier_permille: 1500 });
    const multiplier = TIER.find((f) => f.name === 'multiplier_permille')!;
    expect(initialValue(multiplier, { multiplier_permille: 1250 })).toBe('1.25');
  });

  it('requires a choice', () => {
    expect(toPayload([KIND], formData({ kind: '' })).errors).toEqual({ kind: 'Kind is required.' });
    expect(toPayload([KIND], formData({ kind: 'base_rate' })).payload).toEqual({ kind: 'base_rate' });
  });

  it('prefills the money field in major units', () => {
    const price = PRODUCT.find((f) => f.name === 'price_minor')!;
    expect(initialValue(price, { price_minor: 1999, currency: 'EUR' })).toBe('19.99');
  });

  it('reads and writes money the schema fixes in its currency, not the item\'s', () => {
    // A tier's qualifying spend is in the program's base currency (here yen, no minor digits), whatever else the form holds.
    const spend = TIER.find((f) => f.name === 'threshold_minor')!;
    expect(initialValue(spend, { threshold_minor: 50000 })).toBe('50000');
    const usd = { ...spend, currency: 'USD' };
    expect(initialValue(usd, { threshold_minor: 50000, currency: 'JPY' })).toBe('500.00');
    expect(toPayload([usd], formData({ threshold_minor: '500', currency: 'JPY' })).payload).toEqual({ threshold_minor: 50000 });
    expect(toPayload([usd], formData({ threshold_minor: 'five' })).errors).toEqual({ threshold_minor: 'Qualifying spend must be an amount such as 4.99.' });
  });

  it('addresses objects by id, then sku, then code', () => {
    expect(itemId({ id: 7, sku: 'x' })).toBe('7');
    expect(itemId({ sku: 'x' })).toBe('x');
    expect(itemId({ code: 'S1' })).toBe('S1');
  });

  it('sends the ticked stores of a references field as the ids the server stores, and none as a clear', () => {
    const stores = field('store_ids', 'references', 'Stores', { references: 'stores' });
    const data = formData({});
    data.append('store_ids', 'sto_a');
    data.append('store_ids', 'sto_b');
    expect(toPayload([stores], data).payload).toEqual({ store_ids: 'sto_a,sto_b' });
    expect(toPayload([stores], formData({})).payload).toEqual({ store_ids: null });
    expect(referencedIds(' sto_a , ,sto_b ')).toEqual(['sto_a', 'sto_b']);
  });

  it('starts a new item with the server\'s defaults, in the form\'s units, and an existing one with its own values', () => {
    const multiplier = field('multiplier_permille', 'permille', 'Points multiplier', { default: 1000 });
    const currency = field('currency', 'currency', 'Currency', { default: 'USD' });
    const days = field('voucher_valid_days', 'integer', 'Voucher valid for (days)', { default: 90 });
    expect([initialValue(multiplier, null), initialValue(currency, null), initialValue(days, null)]).toEqual(['1', 'USD', '90']);
    expect(initialValue(days, { voucher_valid_days: 30 })).toBe('30');
    expect(initialValue(currency, { currency: 'EUR' })).toBe('EUR');
  });
});
