import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { FeedbackForm } from './FeedbackForm';

afterEach(() => vi.unstubAllGlobals());

describe('FeedbackForm', () => {
  it('asks for a rating, then posts rating, text and tags', async () => {
    const fake = serveFakeFetch({ 'POST /api/v1/me/feedback': () => json(201, { id: 'f1', sentiment: 0.8 }) });
    renderWithProviders(<FeedbackForm />);
    await userEvent.type(screen.getByLabelText('Tell us more'), 'Lovely staff');
    await userEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(screen.getByText(/Choose a rating/, { selector: '.field__error' })).toBeTruthy();
    expect(fake.calls).toHaveLength(0);
    await userEvent.click(screen.getByLabelText(/4 stars/));
    await userEvent.type(screen.getByLabelText('Topics (optional)'), 'staff, store');
    await userEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByText('Thank you for your feedback!')).toBeTruthy();
    expect(fake.calls[0].body).toEqual({ rating: 4, text: 'Lovely staff', tags: ['staff', 'store'] });
  });
});
