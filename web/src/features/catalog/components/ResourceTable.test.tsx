import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../resources';
import type { FieldDef } from '../types';
import { ResourceTable } from './ResourceTable';

const field = (name: string, currency: string | null): FieldDef => ({
  name,
  kind: 'money',
  currency,
  label: name,
  required: true,
  nullable: false,
  hint: null,
  min: 0,
  max: 1e12,
  choices: [],
  references: null,
  applies_when: null,
  default: null,
});

describe('ResourceTable', () => {
  it('keeps a code column on one line and writes prices as money', () => {
    const items = [{ id: 'p1', sku: 'COF-001', name: 'House Blend Coffee 250g', category: 'coffee', brand: 'Roastery', price_minor: 899, currency: 'USD' }];
    render(<ResourceTable config={RESOURCES.products} items={items} fields={[field('price_minor', null)]} onEdit={vi.fn()} onArchive={vi.fn()} />);
    expect(screen.getByText('COF-001').className).toBe('table__code');
    expect(screen.getByText('House Blend Coffee 250g').className).toBe('table__lead'); // the name keeps room to read
    expect(screen.getByText('$8.99')).toBeTruthy();
  });

  it('writes a tier\'s qualifying spend and a threshold bonus in the base currency the schema names', () => {
    const tiers = [
      { id: 't1', code: 'gold', name: 'Gold', threshold_minor: 150000, multiplier_permille: 1500 },
      { id: 't2', code: 'bronze', name: 'Bronze', threshold_minor: 0, multiplier_permille: 1000 },
      { id: 't3', code: 'silver', name: 'Silver', threshold_minor: 50000, multiplier_permille: 1250 },
    ];
    const { unmount } = render(<ResourceTable config={RESOURCES.tiers} items={tiers} fields={[field('threshold_minor', 'USD')]} onEdit={vi.fn()} onArchive={vi.fn()} />);
    expect(screen.getByRole('columnheader', { name: 'Qualifying spend' })).toBeTruthy();
    expect(screen.getByText('$500.00')).toBeTruthy();
    // Tiers are listed as members climb them, not alphabetically.
    expect(screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent)).toEqual(['bronze', 'silver', 'gold']);
    unmount();
    const rules = [{ id: 'r1', name: 'Big basket', kind: 'spend_threshold_bonus', bonus_points: 50, threshold_minor: 7500 }];
    render(<ResourceTable config={RESOURCES['earning-rules']} items={rules} fields={[field('threshold_minor', 'USD')]} onEdit={vi.fn()} onArchive={vi.fn()} />);
    expect(screen.getByText('+50 pts from $75.00')).toBeTruthy();
  });
});
