import { describe, expect, it } from 'vitest';
import { currencyDigits, daysUntil, formatMoney, formatPoints, formatSignedPoints, minorToInput, parseMoneyToMinor, splitList } from './format';

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
