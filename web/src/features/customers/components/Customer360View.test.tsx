import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { clvText, Customer360View } from './Customer360View';
import { view360AfterRun, view360WithoutRun } from '../testing/fixtures';

afterEach(() => vi.unstubAllGlobals());

const serve = (body: unknown) =>
  vi.stubGlobal('fetch', createFakeFetch({ [`GET /api/v1/admin/customers/${view360AfterRun.id}`]: () => json(200, body) }).fetch);

describe('Customer360View insights', () => {
  it('shows segment, CLV (major units) and P(alive) from the latest run', async () => {
    serve(view360AfterRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    const insights = await screen.findByTestId('customer-insights');
    expect(within(insights).getByTestId('segment').textContent).toBe(view360AfterRun.segment);
    expect(within(insights).getByTestId('clv').textContent).toBe(clvText(view360AfterRun.clv, 'USD'));
    expect(within(insights).getByTestId('p-alive').textContent).toMatch(/^\d+%$/);
  });

  it('has no insights card when the customer is not in a run (null fields)', async () => {
    serve(view360WithoutRun);
    renderWithProviders(<Customer360View customerId={view360AfterRun.id} canAdjust={false} />);
    expect(await screen.findByRole('heading', { name: view360WithoutRun.name })).toBeTruthy();
    expect(screen.queryByTestId('customer-insights')).toBeNull();
  });

  it('formats CLV numbers as major currency units', () => {
    expect(clvText(123.456, 'USD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(123.46));
    expect(clvText({ value_minor: 1250, currency: 'EUR' }, 'USD')).toContain('12.50');
  });
});
