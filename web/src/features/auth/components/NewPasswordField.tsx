import { TextField } from '@/components/ui';
import { MIN_PASSWORD_LENGTH } from './password-checks';

interface NewPasswordFieldProps {
  label: string;
  name: string;
  /** The form's own check (newPasswordError): the browser's minLength/required tooltips are not used. */
  error?: string;
}

/** A password being chosen: at least MIN_PASSWORD_LENGTH characters, which the hint says and the form checks. */
export function NewPasswordField({ label, name, error }: NewPasswordFieldProps) {
  return <TextField label={label} name={name} type="password" autoComplete="new-password" aria-required hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={error} />;
}
