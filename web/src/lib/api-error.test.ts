import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, humanizeField, parseErrorBody, sentence } from './api-error';

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

describe('messages for people', () => {
  it('names the field of a terse server message', () => {
    expect(errorMessage(new ApiError({ status: 400, code: 'validation_failed', message: 'must be an ISO 4217 code', field: 'currency' }))).toBe('Currency must be an ISO 4217 code.');
    expect(errorMessage(new ApiError({ status: 400, code: 'validation_failed', message: 'Points must not be zero.', field: 'points' }))).toBe('Points must not be zero.');
  });

  it('humanizes field paths and sentences', () => {
    expect(humanizeField('lines.0.unit_price_minor')).toBe('lines 1 unit price minor');
    expect(humanizeField('lines[2].sku')).toBe('lines 3 sku');
    expect(sentence('the email or password is incorrect')).toBe('The email or password is incorrect.');
    expect(sentence('Done!')).toBe('Done!');
  });
});
