// Forms show API errors where they belong: an error whose `field` names a
// field rendered in the form appears under that field; any other error
// appears as a banner at the top of the form.

import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, sentence } from '@/lib/api-error';
import { Alert } from './Alert';

interface FormErrorContextValue {
  error: unknown;
  register(name: string): () => void;
  isRegistered(name: string): boolean;
}

const FormErrorContext = createContext<FormErrorContextValue | null>(null);

/** Does an API field path ("lines.0.quantity", "lines[0].sku") belong to a form field name? */
export function fieldMatches(errorField: string, name: string): boolean {
  const normalized = errorField.replace(/\[(\d+)\]/g, '.$1');
  return normalized === name || normalized.startsWith(`${name}.`);
}

export function useFieldError(name: string | undefined): string | undefined {
  const ctx = useContext(FormErrorContext);
  useLayoutEffect(() => (name && ctx ? ctx.register(name) : undefined), [ctx, name]);
  if (!ctx || !name) return undefined;
  const error = ctx.error;
  if (error instanceof ApiError && error.field && fieldMatches(error.field, name)) return sentence(error.message);
  return undefined;
}

interface FormProps {
  onSubmit: (data: FormData, event: FormEvent<HTMLFormElement>) => void;
  error?: unknown;
  success?: ReactNode;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}

export function Form({ onSubmit, error, success, children, className, ...rest }: FormProps) {
  const names = useRef(new Map<string, number>());
  const value = useMemo<FormErrorContextValue>(
    () => ({
      error,
      register(name) {
        names.current.set(name, (names.current.get(name) ?? 0) + 1);
        return () => {
          const count = (names.current.get(name) ?? 1) - 1;
          if (count <= 0) names.current.delete(name);
          else names.current.set(name, count);
        };
      },
      isRegistered(name) {
        for (const key of names.current.keys()) if (fieldMatches(name, key)) return true;
        return false;
      },
    }),
    [error],
  );
  const fieldError = error instanceof ApiError && error.field ? error.field : null;
  // Fields register in their layout effects, which run before this one: only
  // now is it known whether a field will show the error (no paint in between).
  const [unmatchedField, setUnmatchedField] = useState(false);
  useLayoutEffect(() => setUnmatchedField(fieldError !== null && !value.isRegistered(fieldError)), [fieldError, value]);
  const showBanner = Boolean(error) && (fieldError === null || unmatchedField);
  return (
    <FormErrorContext.Provider value={value}>
      <form
        className={['form', className].filter(Boolean).join(' ')}
        noValidate={false}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(new FormData(event.currentTarget), event);
        }}
        {...rest}
      >
        {showBanner && <Alert tone="danger">{errorMessage(error)}</Alert>}
        {success && !error && <Alert tone="success">{success}</Alert>}
        {children}
      </form>
    </FormErrorContext.Provider>
  );
}
