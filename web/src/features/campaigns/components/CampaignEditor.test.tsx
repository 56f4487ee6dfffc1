import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch, type FakeRoutes, type Responder } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { CAMPAIGN } from '../testing/fixtures';
import type { Campaign } from '../types';
import { CATEGORY_PLACEHOLDER } from './CampaignAudienceFields';
import { CampaignEditor } from './CampaignEditor';

afterEach(() => vi.unstubAllGlobals());

const PREVIEW = 'POST /api/v1/admin/campaigns/audience-preview';
const CATALOG: Record<string, Responder> = {
  'GET /api/v1/admin/tiers': () => json(200, { items: [{ code: 'gold', name: 'Gold' }], next_cursor: null }),
  'GET /api/v1/admin/products': () => json(200, { items: [{ sku: 'CF-1', name: 'Espresso beans', category: 'Coffee' }], next_cursor: null }),
  'GET /api/v1/admin/rewards': () => json(200, { items: [{ id: 'rw-1', name: 'Free pastry' }], next_cursor: null }),
  'GET /api/v1/admin/currency-rates': () => json(200, { base_currency: 'USD', items: [] }),
};

const serve = (routes: FakeRoutes) => serveFakeFetch({ ...CATALOG, ...routes });

const previewCalls = (fake: ReturnType<typeof serve>) => fake.calls.filter((c) => c.url.endsWith('/audience-preview'));

describe('CampaignEditor', () => {
  it('previews the audience size, debounced, as the filters change', async () => {
    const user = userEvent.setup();
    const fake = serve({ [PREVIEW]: (call) => json(200, { customers: (call.body as { audience: { segments?: string[] } }).audience.segments ? 312 : 4210 }) });
    renderWithProviders(<CampaignEditor campaign={null} canEdit onSaved={() => undefined} />);
    expect(await screen.findByText('4,210 customers match')).toBeTruthy();
    expect(previewCalls(fake)).toHaveLength(1);
    expect(previewCalls(fake)[0].body).toEqual({ audience: {} });
    await user.click(screen.getByLabelText('Champions'));
    await user.type(screen.getByLabelText('Chance still active, at most (%)'), '40');
    expect(await screen.findByText('312 customers match')).toBeTruthy();
    // Three quick changes, one request after the pause.
    await waitFor(() => expect(previewCalls(fake)).toHaveLength(2));
    expect(previewCalls(fake)[1].body).toEqual({ audience: { segments: ['Champions'], p_alive: { max: 0.4 } } });
  });

  it("asks for categories with a placeholder short enough to read whole beside Add at 375 px", async () => {
    serve({ [PREVIEW]: () => json(200, { customers: 10 }) });
    renderWithProviders(<CampaignEditor campaign={null} canEdit onSaved={() => undefined} />);
    const inputs = ['Bought any of these categories', 'But never bought these', 'Favourite categories (their stated preferences)'].map((l) => screen.getByLabelText(l) as HTMLInputElement);
    for (const input of inputs) expect(input.placeholder).toBe(CATEGORY_PLACEHOLDER);
    // The input is about 200 px wide at 375 px: some 20 characters of placeholder at most.
    expect(CATEGORY_PLACEHOLDER.length).toBeLessThanOrEqual(16);
    await screen.findByText('10 customers match');
  });

  it('checks the fields before sending anything, next to each field', async () => {
    const user = userEvent.setup();
    const fake = serve({ [PREVIEW]: () => json(200, { customers: 10 }) });
    renderWithProviders(<CampaignEditor campaign={null} canEdit onSaved={() => undefined} />);
    const multiplier = await screen.findByLabelText('Points multiplier');
    await user.clear(multiplier);
    await user.type(multiplier, '1');
    await user.clear(screen.getByLabelText('Control group (% of the audience)'));
    await user.type(screen.getByLabelText('Control group (% of the audience)'), '80');
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    const described = (label: string) => {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    };
    expect(described('Name')).toBe('Give the campaign a name.');
    expect(described('Points multiplier')).toMatch(/above 1/);
    expect(described('Category')).toMatch(/Choose the category/);
    expect(described('Control group (% of the audience)')).toBe('Enter a share from 0 to 50 %.');
    expect(fake.calls.some((c) => c.method === 'POST' && c.url.endsWith('/admin/campaigns'))).toBe(false);
  });

  it('creates a campaign: words in the form, the API shape on the wire', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const fake = serve({
      [PREVIEW]: () => json(200, { customers: 120 }),
      'POST /api/v1/admin/campaigns': (call) => json(201, { ...CAMPAIGN, ...(call.body as object), id: 'cmp-9', status: 'draft' }),
    });
    renderWithProviders(<CampaignEditor campaign={null} canEdit onSaved={onSaved} />);
    await user.type(await screen.findByLabelText('Name'), 'Coffee lovers');
    await user.selectOptions(screen.getByLabelText('Goal'), 'Cross-sell a category');
    await user.click(await screen.findByLabelText('Gold'));
    const multiplier = screen.getByLabelText('Points multiplier');
    await user.clear(multiplier);
    await user.type(multiplier, '3');
    await user.type(screen.getByLabelText('Category'), 'Coffee');
    await user.type(screen.getByLabelText('Minimum spend (USD)'), '12.50');
    await user.type(screen.getByLabelText('Budget (points)'), '50000');
    await user.type(screen.getByLabelText('Budget (USD)'), '250.00');
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const post = fake.calls.find((c) => c.method === 'POST' && c.url.endsWith('/admin/campaigns'));
    expect(post?.body).toMatchObject({
      name: 'Coffee lovers',
      goal: 'cross_sell',
      audience: { tiers: ['gold'] },
      offer: { kind: 'bonus_multiplier', multiplier: 3, category: 'Coffee', min_spend_minor: 1250, auto_apply: false },
      budget_points: 50000,
      budget_minor: 25000,
      per_customer_cap: 1,
      control_share: 0.1,
    });
    const body = post?.body as Campaign;
    expect(new Date(body.ends_at).getTime()).toBeGreaterThan(new Date(body.starts_at).getTime());
    expect(onSaved.mock.calls[0][0].id).toBe('cmp-9');
  });

  it("shows the server's validation error next to the field it names", async () => {
    const user = userEvent.setup();
    serve({
      [PREVIEW]: () => json(200, { customers: 5 }),
      'PATCH /api/v1/admin/campaigns/cmp-1': () => apiError(400, 'validation_failed', 'must be at most 0.9', 'audience.p_alive.min'),
    });
    renderWithProviders(<CampaignEditor campaign={CAMPAIGN} canEdit onSaved={() => undefined} />);
    expect(((await screen.findByLabelText('Name')) as HTMLInputElement).value).toBe('Coffee lovers');
    expect((screen.getByLabelText('Chance still active, at least (%)') as HTMLInputElement).value).toBe('20');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const pMin = screen.getByLabelText('Chance still active, at least (%)');
    await waitFor(() => expect(pMin.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(pMin.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Must be at most 0.9.');
  });

  it('a live campaign changes only its name, end and budget', async () => {
    const user = userEvent.setup();
    const fake = serve({
      [PREVIEW]: () => json(200, { customers: 5 }),
      'PATCH /api/v1/admin/campaigns/cmp-1': (call) => json(200, { ...CAMPAIGN, status: 'live', ...(call.body as object) }),
    });
    renderWithProviders(<CampaignEditor campaign={{ ...CAMPAIGN, status: 'live' }} canEdit onSaved={() => undefined} />);
    expect(await screen.findByText(/This campaign is live/)).toBeTruthy();
    // Inside a disabled fieldset (happy-dom does not compute :disabled from it; Chromium does, see e2e).
    expect(screen.getByLabelText('Points multiplier').closest('fieldset[disabled]')).not.toBeNull();
    expect(screen.getByLabelText('Budget (points)').closest('fieldset[disabled]')).toBeNull();
    const budget = screen.getByLabelText('Budget (points)');
    await user.clear(budget);
    await user.type(budget, '80000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Campaign saved.')).toBeTruthy();
    const patch = fake.calls.find((c) => c.method === 'PATCH');
    expect(Object.keys(patch?.body as object).sort()).toEqual(['budget_minor', 'budget_points', 'ends_at', 'name']);
    expect((patch?.body as { budget_points: number }).budget_points).toBe(80000);
  });

  it('is read-only for staff', async () => {
    serve({ [PREVIEW]: () => json(200, { customers: 5 }) });
    renderWithProviders(<CampaignEditor campaign={CAMPAIGN} canEdit={false} onSaved={() => undefined} />);
    expect((await screen.findByLabelText('Name')).closest('fieldset[disabled]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: /Save/ })).toBeNull();
    expect(within(document.body).queryByText('cmp-1')).toBeNull();
  });
});
