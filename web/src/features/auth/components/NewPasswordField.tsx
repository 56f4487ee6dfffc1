import { TextField } from '@/components/ui';

export const MIN_PASSWORD_LENGTH = 8;

interface NewPasswordFieldProps {
  label: string;
  name: string;
  /** The form checks the length itself (and says so in `error`) instead of the browser. */
  lengthCheckedByForm?: boolean;
  error?: string;
}

/** A password being chosen: at least MIN_PASSWORD_LENGTH characters, which the hint says. */
export function NewPasswordField({ label, name, lengthCheckedByForm = false, error }: NewPasswordFieldProps) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      minLength={lengthCheckedByForm ? undefined : MIN_PASSWORD_LENGTH}
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      error={error}
    />
  );
}
