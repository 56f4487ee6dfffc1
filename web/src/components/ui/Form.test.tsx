import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { TextField } from './Field';
import { fieldMatches, Form } from './Form';

const fieldError = (field: string | null) => new ApiError({ status: 422, code: 'validation_failed', message: 'Looks wrong.', field });

describe('Form errors', () => {
  it('shows an API field error next to the field it names', () => {
    render(
      <Form onSubmit={() => {}} error={fieldError('email')}>
        <TextField label="Email" name="email" />
        <TextField label="Name" name="name" />
      </Form>,
    );
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('Looks wrong.');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a banner for errors without a field, or with a field the form does not show', () => {
    const { rerender } = render(
      <Form onSubmit={() => {}} error={fieldError(null)}>
        <TextField label="Email" name="email" />
      </Form>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Looks wrong.');
    rerender(
      <Form onSubmit={() => {}} error={fieldError('store_id')}>
        <TextField label="Email" name="email" />
      </Form>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Looks wrong.');
  });

  it('matches nested API paths to field names', () => {
    expect(fieldMatches('lines[0].quantity', 'lines.0.quantity')).toBe(true);
    expect(fieldMatches('customer.email', 'customer.email')).toBe(true);
    expect(fieldMatches('email', 'email_confirm')).toBe(false);
  });
});
