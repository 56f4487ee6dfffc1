import { describe, expect, it } from 'vitest';
import { offerExpiry, offerSummary } from './offer-text';

const base = { value: null, category: null, sku: null, min_spend_minor: null };

describe('offerSummary', () => {
  it('says what each kind of offer is in words', () => {
    expect(offerSummary({ ...base, kind: 'bonus_multiplier', value: 3, category: 'Coffee' })).toBe('3× points on Coffee');
    expect(offerSummary({ ...base, kind: 'bonus_multiplier', value: 1.5, sku: 'SKU-1' })).toBe('1.5× points on a selected product');
    expect(offerSummary({ ...base, kind: 'bonus_points', value: 50, min_spend_minor: 2000 })).toBe('50 bonus points when you spend $20.00 or more');
    expect(offerSummary({ ...base, kind: 'bonus_points', value: 200 })).toBe('200 bonus points on your next purchase');
    expect(offerSummary({ ...base, kind: 'percent_off', value: 15, category: 'Bakery' })).toBe('15% off Bakery');
    expect(offerSummary({ ...base, kind: 'free_reward' })).toBe('A free reward');
  });

  it('writes the category as the server writes it in titles, not the raw value', () => {
    expect(offerSummary({ ...base, kind: 'bonus_multiplier', value: 2, category: 'bakery' })).toBe('2× points on Bakery');
    expect(offerSummary({ ...base, kind: 'bonus_points', value: 150, category: 'produce', min_spend_minor: 1500 }, 'USD')).toBe(
      '150 bonus points on Produce when you spend $15.00 or more',
    );
    expect(offerSummary({ ...base, kind: 'percent_off', value: 10, category: 'fresh_produce' })).toBe('10% off Fresh produce');
  });
});

describe('offerExpiry', () => {
  const now = new Date(2026, 11, 1, 10, 0, 0);
  it('puts the end in words', () => {
    expect(offerExpiry(new Date(2026, 11, 31, 23, 59).toISOString(), now)).toBe('Ends Dec 31');
    expect(offerExpiry(new Date(2026, 11, 1, 22, 0).toISOString(), now)).toBe('Ends today');
    expect(offerExpiry(new Date(2026, 11, 2, 9, 0).toISOString(), now)).toBe('Ends tomorrow');
    expect(offerExpiry(new Date(2027, 0, 15, 9, 0).toISOString(), now)).toBe('Ends Jan 15, 2027');
    expect(offerExpiry(new Date(2026, 10, 2, 9, 0).toISOString(), now)).toBe('Ended Nov 2');
  });
});
