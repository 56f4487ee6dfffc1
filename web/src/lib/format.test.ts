import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  daysUntil,
  formatCategory,
  formatMoney,
  formatPoints,
  formatPointsWithUnit,
  formatSignedPoints,
  formatSignedPointsWithUnit,
  minorToInput,
  parseMoneyToMinor,
  pointsUnit,
  splitList,
} from './format';

describe('money', () => {
  it.each([
    [1234, 'EUR', 'en-US', '€12.34'],
    [1234, 'USD', 'en-US', '$12.34'],
    [1234, 'JPY', 'en-US', '¥1,234'],
    [0, 'EUR', 'en-US', '€0.00'],
    [123456, 'EUR', 'de-DE', '1.234,56\u00a0€'],
  ])('%i %s in %s → %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it('knows minor digits per currency', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it.each([
    ['12.34', 'EUR', 1234],
    ['12,3', 'EUR', 1230],
    ['12', 'EUR', 1200],
    ['0.05', 'EUR', 5],
    ['1234', 'JPY', 1234],
    ['12.345', 'EUR', null],
    ['abc', 'EUR', null],
    ['-1', 'EUR', null],
    ['', 'EUR', null],
  ])('parses %s %s → %s', (text, currency, expected) => {
    expect(parseMoneyToMinor(text, currency)).toBe(expected);
  });

  it('round-trips minor units through input text', () => {
    for (const minor of [0, 1, 99, 1999, 123456]) expect(parseMoneyToMinor(minorToInput(minor, 'EUR'), 'EUR')).toBe(minor);
    expect(minorToInput(500, 'JPY')).toBe('500');
  });
});

describe('points and helpers', () => {
  it('formats points as integers with signs', () => {
    expect(formatPoints(1500)).toMatch(/1.?500/);
    expect(formatSignedPoints(120)).toBe('+120');
    expect(formatSignedPoints(-40)).toBe('\u221240');
    expect(formatSignedPoints(0)).toBe('0');
  });

  it('counts days until a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(daysUntil('2026-01-11T00:00:00Z', now)).toBe(10);
    expect(daysUntil('2025-12-31T00:00:00Z', now)).toBe(-1);
  });

  it('splits comma lists', () => {
    expect(splitList(' a, b,,a , c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('points with their unit', () => {
  it.each([
    [1, '1 pt', '1 point'],
    [-1, '1 pt', '1 point'],
    [0, '0 pts', '0 points'],
    [9, '9 pts', '9 points'],
    [1500, '1,500 pts', '1,500 points'],
  ])('%i → %s / %s', (points, short, long) => {
    expect(formatPointsWithUnit(Math.abs(points) === 1 ? 1 : points)).toBe(short);
    expect(formatPointsWithUnit(Math.abs(points) === 1 ? 1 : points, 'long')).toBe(long);
    expect(pointsUnit(points)).toBe(short.split(' ')[1]);
  });

  it('signs a ledger change and pluralises it', () => {
    expect(formatSignedPointsWithUnit(1)).toBe('+1 pt');
    expect(formatSignedPointsWithUnit(9)).toBe('+9 pts');
    expect(formatSignedPointsWithUnit(-60)).toBe('\u221260 pts');
    expect(formatSignedPointsWithUnit(-1)).toBe('\u22121 pt');
  });
});

describe('categories', () => {
  it.each([
    ['bakery', 'Bakery'],
    ['household', 'Household'],
    ['fresh_produce', 'Fresh produce'],
    ['ready-meals', 'Ready meals'],
    ['Bakery', 'Bakery'],
    ['BBQ', 'BBQ'],
    ['  ', ''],
    [null, ''],
  ])('%s → %s', (raw, shown) => {
    expect(formatCategory(raw)).toBe(shown);
  });
});
