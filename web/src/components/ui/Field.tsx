import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useFieldError } from './Form';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={['field', error && 'field--invalid'].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

interface CommonProps {
  label: ReactNode;
  hint?: ReactNode;
  /** An error from the client side; API errors are picked up from the form. */
  error?: string;
}

/** The id, error and ARIA wiring every field shares: a given id or a generated one, the client's error or the API's. */
function useFieldWiring(givenId: string | undefined, name: string | undefined, hint: ReactNode, error: string | undefined) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const apiError = useFieldError(name);
  const shown = error ?? apiError;
  const control = { id, name, 'aria-invalid': shown ? true : undefined, 'aria-describedby': describedBy(id, hint, shown) };
  return { id, shown, control };
}

type ControlWiring = ReturnType<typeof useFieldWiring>['control'];

/** A labelled field around the control `render` draws, given the wiring and the rest of the field's props; `displayName` names it in DevTools and React's warnings. */
function labelledField<Attributes extends { id?: string; name?: string }>(displayName: string, render: (control: ControlWiring, rest: Omit<CommonProps & Attributes, keyof CommonProps | 'id' | 'name'>) => ReactNode) {
  function Field({ label, hint, error, id: givenId, name, ...rest }: CommonProps & Attributes) {
    const { id, shown, control } = useFieldWiring(givenId, name, hint, error);
    return (
      <FieldShell id={id} label={label} hint={hint} error={shown}>
        {render(control, rest)}
      </FieldShell>
    );
  }
  Field.displayName = displayName;
  return Field;
}

export const TextField = labelledField<InputHTMLAttributes<HTMLInputElement>>('TextField', (control, rest) => <input {...control} className="input" {...rest} />);

export const TextArea = labelledField<TextareaHTMLAttributes<HTMLTextAreaElement>>('TextArea', (control, rest) => <textarea {...control} className="input textarea" {...rest} />);

export const SelectField = labelledField<SelectHTMLAttributes<HTMLSelectElement>>('SelectField', (control, rest) => <select {...control} className="input select" {...rest} />);

export function Checkbox({ label, hint, id: givenId, ...rest }: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...rest} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
