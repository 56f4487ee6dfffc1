import { useState } from 'react';

export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a password being chosen, in words, or nothing. */
export const newPasswordError = (password: string): string | undefined =>
  password.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : undefined;

/** What is wrong with the current password as typed (only that it is missing: the server checks it). */
export const currentPasswordError = (password: string): string | undefined => (password === '' ? 'Enter your current password.' : undefined);

/**
 * The password forms check their password fields on submit themselves, rather
 * than the browser (whose tooltip is gone at the next tap and is not read with
 * the field): each error shows under its field, linked to it, and the first
 * field with one takes the focus, as the browser's own check would.
 */
export function usePasswordChecks<Name extends string>() {
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  /** Shows what `found` holds (field name → error or nothing); true when there is nothing wrong. */
  const check = (form: HTMLFormElement, found: Record<Name, string | undefined>): boolean => {
    const shown = Object.fromEntries(Object.entries(found).filter(([, error]) => error)) as Partial<Record<Name, string>>;
    setErrors(shown);
    const first = Object.keys(shown)[0];
    if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    return first === undefined;
  };
  return { errors, check };
}

/**
 * The one new-password field (named `password`) of sign-up and reset: its
 * error, and `ifValid`, which hands the password on only once it passes.
 */
export function useNewPasswordCheck() {
  const { errors, check } = usePasswordChecks<'password'>();
  const ifValid = (form: HTMLFormElement, data: FormData, use: (password: string) => void) => {
    const password = String(data.get('password') ?? '');
    if (check(form, { password: newPasswordError(password) })) use(password);
  };
  return { error: errors.password, ifValid };
}
