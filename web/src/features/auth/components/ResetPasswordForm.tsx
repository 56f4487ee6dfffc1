import { useMutation } from '@tanstack/react-query';
import { Button, Form, TextField } from '@/components/ui';
import { confirmPasswordReset } from '../api/auth';
import { MIN_PASSWORD_LENGTH } from './SignupForm';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const mutation = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password), onSuccess: onDone });
  return (
    <Form aria-label="Set a new password" error={mutation.error} onSubmit={(data) => mutation.mutate(String(data.get('password') ?? ''))}>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <Button type="submit" block loading={mutation.isPending}>
        Save the new password
      </Button>
    </Form>
  );
}
