import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { CAMPAIGN } from '../testing/fixtures';
import { CampaignActions } from './CampaignActions';

afterEach(() => vi.unstubAllGlobals());

describe('CampaignActions', () => {
  it('generates the offers and says how many, with the control group', async () => {
    const user = userEvent.setup();
    serveFakeFetch({ 'POST /api/v1/admin/campaigns/cmp-1/generate': () => json(200, { offers_created: 812, control_group_size: 90, treatment_size: 812 }) });
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit />);
    await user.click(screen.getByRole('button', { name: 'Generate offers' }));
    expect((await screen.findByTestId('generate-result')).textContent).toBe('812 offers created for 812 customers; 90 customers held back as the control group.');
  });

  it('offers the moves of each status in words; going live is confirmed', async () => {
    const user = userEvent.setup();
    const fake = serveFakeFetch({ 'PATCH /api/v1/admin/campaigns/cmp-1': (call) => json(200, { ...CAMPAIGN, ...(call.body as object) }) });
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Generate offers', 'Schedule', 'Go live']);
    await user.click(screen.getByRole('button', { name: 'Go live' }));
    const dialog = screen.getByRole('dialog');
    expect(fake.calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Go live' }));
    expect(await screen.findByText('The campaign is now live.')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'live' });
  });

  it("shows the server's refusal of a move (409)", async () => {
    const user = userEvent.setup();
    serveFakeFetch({ 'PATCH /api/v1/admin/campaigns/cmp-1': () => apiError(409, 'conflict', 'a campaign without offers cannot be scheduled') });
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit />);
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A campaign without offers cannot be scheduled.');
  });

  it('drops a refused move once its dialog is cancelled, and when it is opened again', async () => {
    const user = userEvent.setup();
    let refuse = true;
    serveFakeFetch({ 'PATCH /api/v1/admin/campaigns/cmp-1': (call) => (refuse ? apiError(409, 'conflict', 'the campaign changed meanwhile') : json(200, { ...CAMPAIGN, ...(call.body as object) })) });
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit />);
    await user.click(screen.getByRole('button', { name: 'Go live' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Go live' }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe('The campaign changed meanwhile.');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('The campaign changed meanwhile.')).toBeNull();
    // Refused again, then opened afresh: the new dialog starts without the old refusal.
    await user.click(screen.getByRole('button', { name: 'Go live' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Go live' }));
    await within(screen.getByRole('dialog')).findByRole('alert');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Go live' }));
    expect(within(screen.getByRole('dialog')).queryByRole('alert')).toBeNull();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Go live' }));
    expect(await screen.findByText('The campaign is now live.')).toBeTruthy();
  });

  it('archives after a confirmation', async () => {
    const user = userEvent.setup();
    const onArchived = vi.fn();
    serveFakeFetch({ 'DELETE /api/v1/admin/campaigns/cmp-1': () => new Response(null, { status: 204 }) });
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit onArchived={onArchived} />);
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Archive campaign' }));
    await waitFor(() => expect(onArchived).toHaveBeenCalled());
  });

  it('shows nothing to staff who are not admins', () => {
    serveFakeFetch({});
    renderWithProviders(<CampaignActions campaign={CAMPAIGN} canEdit={false} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
