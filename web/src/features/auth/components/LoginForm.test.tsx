import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/lib/api';
import { apiError, json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { LoginForm } from './LoginForm';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStore.set(null);
});

describe('LoginForm', () => {
  it('stores the session with the role from the answer', async () => {
    const fake = serveFakeFetch({ 'POST /api/v1/auth/login': () => json(200, { access_token: 'A', refresh_token: 'R', expires_in: 900, role: 'admin' }) });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText('Email'), 'staff@test.local');
    await userEvent.type(screen.getByLabelText('Password'), 'staff12345');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith('admin'));
    expect(fake.calls[0].body).toEqual({ email: 'staff@test.local', password: 'staff12345' });
    expect(sessionStore.get()).toEqual({ access_token: 'A', role: 'admin', expires_at_ms: expect.any(Number) });
    expect(localStorage.length).toBe(0);
  });

  it('shows the server message on bad credentials', async () => {
    serveFakeFetch({ 'POST /api/v1/auth/login': () => apiError(401, 'unauthorized', 'Wrong email or password.') });
    renderWithProviders(<LoginForm onSuccess={() => {}} />);
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.c');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password.');
    expect(sessionStore.get()).toBeNull();
  });
});
