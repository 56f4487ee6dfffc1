import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ConsoleNav } from './ConsoleNav';

const renderAt = (path: string, analyticsAvailable: boolean | undefined) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <ConsoleNav analyticsAvailable={analyticsAvailable} />
    </MemoryRouter>,
  );

describe('ConsoleNav', () => {
  it('links every console section by its whole name, Analytics once the probe says it is there', () => {
    renderAt('/console/campaigns', true);
    const nav = screen.getByRole('navigation', { name: 'Console' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Customers', 'Point of sale', 'Catalog', 'Campaigns', 'Currencies', 'Analytics']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/console', '/console/pos', '/console/catalog', '/console/campaigns', '/console/currencies', '/console/analytics']);
    expect(within(nav).getByRole('link', { name: 'Campaigns' }).getAttribute('aria-current')).toBe('page');
  });

  it('leaves Analytics out until the probe answers yes', () => {
    renderAt('/console', undefined);
    expect(within(screen.getByRole('navigation', { name: 'Console' })).queryByRole('link', { name: 'Analytics' })).toBeNull();
  });
});
