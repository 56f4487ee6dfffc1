// The auth answers and requests, as docs/openapi.yaml documents them (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

/** The refresh token is also set as the HttpOnly refresh cookie; the portal ignores this copy. */
export type TokenPair = Schema<'TokenPair'>;
export type LoginAnswer = TokenPair;
export type RegisterAnswer = Schema<'RegisterResponse'>;
export type RegisteredCustomer = RegisterAnswer['customer'];
export type RegisterInput = Schema<'RegisterRequest'>;
export type PasswordChangeInput = Schema<'PasswordChange'>;
