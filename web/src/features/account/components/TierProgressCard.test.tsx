import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { TierProgressCard } from './TierProgressCard';

type Account = ComponentProps<typeof TierProgressCard>['account'];

const renderCard = (account: Omit<Account, 'points_expiring'>) => render(<TierProgressCard account={{ ...account, points_expiring: [] }} />);

describe('TierProgressCard', () => {
  it('draws the progress to the next tier from tier_progress', () => {
    renderCard({
      points_balance: 120,
      tier: { code: 'silver', name: 'Silver', multiplier: 1 },
      tier_progress: { qualifying_spend: 2500, currency: 'EUR', next_tier: { code: 'gold', name: 'Gold', threshold_minor: 10000, multiplier: 1.5 }, remaining_spend: 7500 },
    });
    const bar = screen.getByRole('progressbar', { name: 'Progress to Gold' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByTestId('tier-progress-text').textContent).toMatch(/75\.00.*Gold/);
  });

  it('says so at the top tier', () => {
    renderCard({
      points_balance: 0,
      tier: { code: 'gold', name: 'Gold', multiplier: 2 },
      tier_progress: { qualifying_spend: 100000, currency: 'EUR', next_tier: null, remaining_spend: 0 },
    });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByText(/top tier/)).toBeTruthy();
    expect(screen.getByText(/earns 2× points/)).toBeTruthy();
  });
});
