import { describe, expect, it } from 'vitest';
import { accountStatusText, contactEmail, memberReference, preferenceValueText } from './display';

describe('customer display', () => {
  it('hides the importer placeholder e-mail', () => {
    expect(contactEmail('cus_hnuquu9cgvf000002qv@imported.invalid')).toBeNull();
    expect(contactEmail('')).toBeNull();
    expect(contactEmail(null)).toBeNull();
    expect(contactEmail('grace@cap.local')).toBe('grace@cap.local');
  });

  it('names a customer by card number, else by a short reference, never the id', () => {
    expect(memberReference({ id: 'cus_rrz5j2bemal3fna4', card_number: '742734587404' })).toEqual({ label: 'Card number', value: '742734587404' });
    const ref = memberReference({ id: 'cus_hnuquu9cgvf000002qv', card_number: '' });
    expect(ref).toEqual({ label: 'Reference', value: 'Ref 0002QV' });
    expect(ref.value).not.toContain('cus_');
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
