import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, TextField } from '@/components/ui';
import type { Role } from '@/lib/session';
import { login } from '../api/auth';

export function LoginForm({ onSuccess }: { onSuccess: (role: Role) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password),
    onSuccess: (role) => {
      queryClient.clear();
      onSuccess(role);
    },
  });
  return (
    <Form
      aria-label="Log in"
      error={mutation.error}
      onSubmit={(data) => mutation.mutate({ email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') })}
    >
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" block loading={mutation.isPending}>
        Log in
      </Button>
    </Form>
  );
}
