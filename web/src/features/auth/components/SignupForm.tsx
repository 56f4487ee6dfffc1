import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, TextField } from '@/components/ui';
import { register } from '../api/auth';
import type { RegisterInput } from '../types';
import { NewPasswordField } from './NewPasswordField';
import { useNewPasswordCheck } from './password-checks';

export function SignupForm({ onSuccess }: { onSuccess: () => void }) {
  const queryClient = useQueryClient();
  const newPassword = useNewPasswordCheck();
  const mutation = useMutation({
    mutationFn: (input: RegisterInput) => register(input),
    onSuccess: () => {
      queryClient.clear();
      onSuccess();
    },
  });
  return (
    <Form
      aria-label="Create your account"
      error={mutation.error}
      onSubmit={(data, event) =>
        newPassword.ifValid(event.currentTarget, data, (password) =>
          mutation.mutate({ name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), password }),
        )
      }
    >
      <TextField label="Full name" name="name" autoComplete="name" required />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <NewPasswordField label="Password" name="password" error={newPassword.error} />
      <Button type="submit" block loading={mutation.isPending}>
        Create account
      </Button>
    </Form>
  );
}
