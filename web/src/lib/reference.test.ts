import { describe, expect, it } from 'vitest';
import { isInternalId, shortReference } from './reference';

describe('shortReference', () => {
  it('is the last six characters of the id, upper-cased, without its prefix', () => {
    expect(shortReference('txn_0m3k2x9qabc4f2a9c')).toBe('4F2A9C');
    expect(shortReference('red_01hxyz123456')).toBe('123456');
    expect(shortReference('0b7e6a0c-1234-4cde-8f00-00000000ab12')).toBe('00AB12');
    expect(shortReference('x_ab')).toBe('AB');
    expect(shortReference('')).toBe('');
    expect(shortReference(null)).toBe('');
  });

  it('tells server ids from words', () => {
    expect(isInternalId('txn_0m3k2x9qabc4f2a9c')).toBe(true);
    expect(isInternalId('red_01hxyz123456')).toBe(true);
    expect(isInternalId('0b7e6a0c-1234-4cde-8f00-00000000ab12')).toBe(true);
    expect(isInternalId('Goodwill gesture')).toBe(false);
    expect(isInternalId('return')).toBe(false);
  });
});
