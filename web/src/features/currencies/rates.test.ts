import { describe, expect, it } from 'vitest';
import { checkCurrencyCode, checkRate, currencyLabel, currencyName, exampleConversion, formatRate, rateSentence } from './rates';

describe('currency names', () => {
  it('names a currency with Intl.DisplayNames, and in a sentence in the plural', () => {
    expect(currencyName('JPY', 'en-US')).toBe('Japanese Yen');
    expect(currencyLabel('USD', 'en-US')).toBe('US dollars (USD)');
    expect(currencyLabel('EUR', 'en-US')).toBe('euros (EUR)');
  });

  it('falls back to the code for what is not a currency code', () => {
    expect(currencyName('usd')).toBeNull();
    expect(currencyName('QQQ', 'en-US')).toBeNull();
    expect(currencyLabel('QQQ', 'en-US')).toBe('QQQ');
  });
});

describe('checkCurrencyCode', () => {
  it('accepts three letters, upper-cased', () => {
    expect(checkCurrencyCode(' jpy ', 'USD')).toEqual({ ok: true, value: 'JPY' });
  });

  it.each([
    ['', /Enter a currency code/],
    ['EU', /three-letter ISO 4217 code/],
    ['EUR1', /three-letter/],
    ['€', /three-letter/],
  ])('refuses %j', (text, message) => {
    const result = checkCurrencyCode(text, 'USD');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses the base currency and a code that already has a rate', () => {
    expect(checkCurrencyCode('USD', 'USD')).toMatchObject({ ok: false, error: expect.stringMatching(/base currency/) });
    expect(checkCurrencyCode('EUR', 'USD', ['EUR'])).toMatchObject({ ok: false, error: expect.stringMatching(/already has a rate/) });
  });
});

describe('checkRate', () => {
  it.each([
    ['1.08', '1.08'],
    [' 0.0067 ', '0.0067'],
    ['1,5', '1.5'],
    ['.5', '0.5'],
    ['007.50', '7.5'],
    ['1000000', '1000000'],
    ['1000000.000', '1000000'],
    ['0.000000001', '0.000000001'],
    ['2', '2'],
  ])('accepts %j as %j', (text, value) => {
    expect(checkRate(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /Enter a rate/],
    ['abc', /number with a decimal point/],
    ['1.2.3', /number/],
    ['-1', /number/],
    ['1e3', /number/],
    ['.', /number/],
    ['0', /greater than 0/],
    ['0.000', /greater than 0/],
    ['0.0000000001', /at most 9 decimals/],
    ['1000000.01', /at most 1,000,000/],
    ['2000000', /at most/],
  ])('refuses %j', (text, message) => {
    const result = checkRate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('rates in words', () => {
  it('says what a rate means', () => {
    expect(rateSentence('JPY', '0.0067', 'USD', 'en-US')).toBe('1 JPY = 0.0067 USD');
    expect(rateSentence('EUR', '1.08', 'USD', 'en-US')).toBe('1 EUR = 1.08 USD');
    expect(formatRate('1000000', 'en-US')).toBe('1,000,000');
    expect(formatRate('0.123456789', 'en-US')).toBe('0.123456789');
  });

  it('works an example in both currencies, with their minor units', () => {
    expect(exampleConversion('JPY', 0, '0.0067', 'USD', 2, 'en-US')).toBe('¥100 counts as $0.67');
    expect(exampleConversion('EUR', 2, '1.08', 'USD', 2, 'en-US')).toBe('€100.00 counts as $108.00');
    expect(exampleConversion('KWD', 3, '3.25', 'USD', 2, 'en-US')).toMatch(/^KWD\s100\.000 counts as \$325\.00$/);
  });
});
