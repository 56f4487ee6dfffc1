import { useMutation } from '@tanstack/react-query';
import { Button, Form } from '@/components/ui';
import { confirmPasswordReset } from '../api/auth';
import { NewPasswordField } from './NewPasswordField';
import { newPasswordError, usePasswordChecks } from './password-checks';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const mutation = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password), onSuccess: onDone });
  const passwords = usePasswordChecks<'password'>();
  return (
    <Form
      aria-label="Set a new password"
      error={mutation.error}
      onSubmit={(data, event) => {
        const password = String(data.get('password') ?? '');
        if (passwords.check(event.currentTarget, { password: newPasswordError(password) })) mutation.mutate(password);
      }}
    >
      <NewPasswordField label="New password" name="password" error={passwords.errors.password} />
      <Button type="submit" block loading={mutation.isPending}>
        Save the new password
      </Button>
    </Form>
  );
}
