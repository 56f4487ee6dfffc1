import { describe, expect, it } from 'vitest';
import { groupCardNumber } from '@/features/account';
import { accountStatusText, contactEmail, memberReference, preferenceKeyText, preferenceValueText } from './display';

describe('customer display', () => {
  it('hides the importer placeholder e-mail', () => {
    expect(contactEmail('cus_hnuquu9cgvf000002qv@imported.invalid')).toBeNull();
    expect(contactEmail('')).toBeNull();
    expect(contactEmail(null)).toBeNull();
    expect(contactEmail('grace@cap.local')).toBe('grace@cap.local');
  });

  it('names a customer by card number, else by a short reference, never the id', () => {
    expect(memberReference({ id: 'cus_rrz5j2bemal3fna4', card_number: '742734587404' })).toEqual({ label: 'Card number', value: '7427 3458 7404' });
    const ref = memberReference({ id: 'cus_hnuquu9cgvf000002qv', card_number: '' });
    expect(ref).toEqual({ label: 'Reference', value: 'Ref 0002QV' });
    expect(ref.value).not.toContain('cus_');
  });

  it("groups the card number in fours, as the member's own card prints it", () => {
    const card = '704463919973';
    expect(memberReference({ id: 'cus_x', card_number: card }).value).toBe('7044 6391 9973');
    expect(memberReference({ id: 'cus_x', card_number: card }).value).toBe(groupCardNumber(card));
  });

  it('names preferences in sentence case, never the raw key', () => {
    expect(preferenceKeyText('favorite_categories')).toBe('Favourite categories');
    expect(preferenceKeyText('favorite_brands')).toBe('Favourite brands');
    expect(preferenceKeyText('channels')).toBe('Channels');
    expect(preferenceKeyText('preferred_STORE-name')).toBe('Preferred store name');
  });

  it('says statuses and preference values in words', () => {
    expect(accountStatusText('active')).toBe('Active');
    expect(accountStatusText('erased')).toBe('Erased at their request');
    expect(accountStatusText('ON_HOLD')).toBe('On hold');
    expect(accountStatusText(undefined)).toBeNull();
    expect(preferenceValueText('sms')).toBe('SMS');
    expect(preferenceValueText('Coffee')).toBe('Coffee');
    expect(preferenceValueText(true)).toBe('Yes');
  });
});
