import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../types';
import { groupCardNumber, MemberCard } from './MemberCard';

const me: Me = {
  id: 'cus_1',
  email: 'grace@test.local',
  name: 'Grace Hopper',
  phone: '',
  role: 'customer',
  card_number: '704559073472',
  marketing_opt_in: false,
  created_at: '2026-11-01T09:00:00Z',
  account: {
    points_balance: 25,
    tier: { code: 'member', name: 'Member', multiplier: 1 },
    tier_progress: { qualifying_spend: 0, currency: 'USD', next_tier: null, remaining_spend: 0 },
    points_expiring: [],
  },
};

describe('MemberCard', () => {
  it('draws the card number as a labelled barcode with the number under it, and full screen for the till', async () => {
    render(<MemberCard me={me} />);
    const barcode = await screen.findByRole('img', { name: 'Member card barcode, number 7045 5907 3472' });
    expect(barcode.querySelectorAll('path').length).toBeGreaterThan(2);
    expect(screen.getByText('7045 5907 3472')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show full screen' }));
    expect(await screen.findByTestId('member-card-full')).toBeTruthy();
    expect(screen.getByText('Grace Hopper')).toBeTruthy();
  });

  it('groups the number by four for reading aloud', () => {
    expect(groupCardNumber('704559073472')).toBe('7045 5907 3472');
    expect(groupCardNumber('12345')).toBe('1234 5');
  });
});
