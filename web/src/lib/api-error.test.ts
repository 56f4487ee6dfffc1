import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, parseErrorBody } from './api-error';

describe('parseErrorBody', () => {
  it.each([
    // [status, body, expected code, expected message, expected field]
    [409, { error: { code: 'insufficient_points', message: 'Not enough points.', field: null } }, 'insufficient_points', 'Not enough points.', null],
    [400, { error: { code: 'validation_failed', message: 'Bad email.', field: 'email' } }, 'validation_failed', 'Bad email.', 'email'],
    [404, 'Not Found', 'not_found', 'We could not find that.', null],
    [500, undefined, 'server_error', 'Something went wrong on our side. Please try again.', null],
    [403, { error: {} }, 'forbidden', 'You do not have access to this.', null],
    [422, { message: 'other shape' }, 'validation_failed', 'Some fields need attention.', null],
  ])('status %i → %s', (status, body, code, message, field) => {
    const error = parseErrorBody(status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, message, field });
  });

  it('gives a user message for anything thrown', () => {
    expect(errorMessage(new ApiError({ status: 409, code: 'conflict', message: 'Already used.' }))).toBe('Already used.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toBe('Something went wrong.');
  });
});
