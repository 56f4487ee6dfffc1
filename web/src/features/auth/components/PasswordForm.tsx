import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { changePassword } from '../api/auth';
import { NewPasswordField } from './NewPasswordField';
import { currentPasswordError, newPasswordError, usePasswordChecks } from './password-checks';

export function PasswordForm() {
  const formRef = useRef<HTMLFormElement | null>(null);
  const passwords = usePasswordChecks<'current_password' | 'new_password'>();
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => formRef.current?.reset(),
  });
  return (
    <Form
      aria-label="Change password"
      error={mutation.error}
      success={mutation.isSuccess ? 'Password changed. Other devices have been signed out.' : undefined}
      onSubmit={(data, event) => {
        formRef.current = event.currentTarget;
        const input = { current_password: String(data.get('current_password') ?? ''), new_password: String(data.get('new_password') ?? '') };
        const ok = passwords.check(event.currentTarget, {
          current_password: currentPasswordError(input.current_password),
          new_password: newPasswordError(input.new_password),
        });
        if (ok) mutation.mutate(input);
      }}
    >
      <TextField label="Current password" name="current_password" type="password" autoComplete="current-password" aria-required error={passwords.errors.current_password} />
      <NewPasswordField label="New password" name="new_password" error={passwords.errors.new_password} />
      <div>
        <Button type="submit" variant="secondary" loading={mutation.isPending}>
          Change password
        </Button>
      </div>
    </Form>
  );
}
