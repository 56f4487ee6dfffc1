import { useMutation } from '@tanstack/react-query';
import { Button, Form } from '@/components/ui';
import { confirmPasswordReset } from '../api/auth';
import { NewPasswordField } from './NewPasswordField';
import { useNewPasswordCheck } from './password-checks';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const mutation = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password), onSuccess: onDone });
  const newPassword = useNewPasswordCheck();
  return (
    <Form
      aria-label="Set a new password"
      error={mutation.error}
      onSubmit={(data, event) => newPassword.ifValid(event.currentTarget, data, mutation.mutate)}
    >
      <NewPasswordField label="New password" name="password" error={newPassword.error} />
      <Button type="submit" block loading={mutation.isPending}>
        Save the new password
      </Button>
    </Form>
  );
}
