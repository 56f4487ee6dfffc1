import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { PasswordForm } from './PasswordForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { SignupForm } from './SignupForm';

afterEach(() => vi.unstubAllGlobals());

/** The field's error as a screen reader reaches it: the field is invalid and described by the error's text. */
function inlineError(label: string): string | null {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? null;
}

/** No browser tooltip: the constraints the browser would check itself are not on the field. */
function expectNoNativeCheck(label: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  expect(input.required).toBe(false);
  expect(input.minLength).toBe(-1);
  expect(input.getAttribute('aria-required')).toBe('true');
}

describe('password forms: one inline, accessible error style', () => {
  it('sign-up says a short password is too short under the field, and sends nothing', async () => {
    const fake = serveFakeFetch({});
    renderWithProviders(<SignupForm onSuccess={() => {}} />);
    expectNoNativeCheck('Password');
    await userEvent.type(screen.getByLabelText('Full name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@test.local');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(inlineError('Password')).toBe('Use at least 8 characters.');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(fake.calls).toHaveLength(0);
  });

  it('reset-password shows the same error under the field for a short or empty password, then sends a long enough one', async () => {
    const fake = serveFakeFetch({ 'POST /api/v1/auth/password-reset/confirm': () => json(204) });
    const onDone = vi.fn();
    renderWithProviders(<ResetPasswordForm token="T" onDone={onDone} />);
    expectNoNativeCheck('New password');
    const save = screen.getByRole('button', { name: 'Save the new password' });
    await userEvent.click(save);
    expect(inlineError('New password')).toBe('Use at least 8 characters.');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(save);
    expect(inlineError('New password')).toBe('Use at least 8 characters.');
    expect(document.activeElement).toBe(screen.getByLabelText('New password'));
    expect(fake.calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('New password'), '-and-longer');
    await userEvent.click(save);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(inlineError('New password')).toBeNull();
    expect(fake.calls[0].body).toEqual({ token: 'T', password: 'short-and-longer' });
  });

  it('change-password says under each field what is missing or too short, focusing the first', async () => {
    const fake = serveFakeFetch({ 'POST /api/v1/me/password': () => json(204) });
    renderWithProviders(<PasswordForm />);
    expectNoNativeCheck('Current password');
    expectNoNativeCheck('New password');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(inlineError('Current password')).toBe('Enter your current password.');
    expect(inlineError('New password')).toBe('Use at least 8 characters.');
    expect(document.activeElement).toBe(screen.getByLabelText('Current password'));
    expect(fake.calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Current password'), 'old-password');
    await userEvent.type(screen.getByLabelText('New password'), '-and-longer');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed. Other devices have been signed out.')).toBeTruthy();
    expect(inlineError('Current password')).toBeNull();
    expect(inlineError('New password')).toBeNull();
    expect(fake.calls[0].body).toEqual({ current_password: 'old-password', new_password: 'short-and-longer' });
  });
});
