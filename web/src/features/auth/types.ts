import type { Role } from '@/lib/session';

export interface TokenPair {
  access_token: string;
  /** Also set as the HttpOnly refresh cookie; the portal ignores this copy. */
  refresh_token: string;
  expires_in: number;
}

export interface LoginAnswer extends TokenPair {
  role: Role;
}

export interface RegisteredCustomer {
  id: string;
  email: string;
  name: string;
  card_number: string;
}

export interface RegisterAnswer extends TokenPair {
  customer: RegisteredCustomer;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
}

export interface PasswordChangeInput {
  current_password: string;
  new_password: string;
}
