import { useMutation } from '@tanstack/react-query';
import { Button, Form } from '@/components/ui';
import { confirmPasswordReset } from '../api/auth';
import { NewPasswordField } from './NewPasswordField';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const mutation = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password), onSuccess: onDone });
  return (
    <Form aria-label="Set a new password" error={mutation.error} onSubmit={(data) => mutation.mutate(String(data.get('password') ?? ''))}>
      <NewPasswordField label="New password" name="password" />
      <Button type="submit" block loading={mutation.isPending}>
        Save the new password
      </Button>
    </Form>
  );
}
