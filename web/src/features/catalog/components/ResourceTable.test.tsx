import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../resources';
import { ResourceTable } from './ResourceTable';

describe('ResourceTable', () => {
  it('keeps a code column on one line and writes prices as money', () => {
    const items = [{ id: 'p1', sku: 'COF-001', name: 'House Blend Coffee 250g', category: 'coffee', brand: 'Roastery', price_minor: 899, currency: 'USD' }];
    render(<ResourceTable config={RESOURCES.products} items={items} onEdit={vi.fn()} onArchive={vi.fn()} />);
    expect(screen.getByText('COF-001').className).toBe('table__code');
    expect(screen.getByText('House Blend Coffee 250g').className).toBe('');
    expect(screen.getByText('$8.99')).toBeTruthy();
  });
});
