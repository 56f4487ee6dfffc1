import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { register } from '../api/auth';
import type { RegisterInput } from '../types';

export const MIN_PASSWORD_LENGTH = 8;

export function SignupForm({ onSuccess }: { onSuccess: () => void }) {
  const queryClient = useQueryClient();
  const [passwordError, setPasswordError] = useState<string>();
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
      onSubmit={(data) => {
        const password = String(data.get('password') ?? '');
        if (password.length < MIN_PASSWORD_LENGTH) {
          setPasswordError(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
          return;
        }
        setPasswordError(undefined);
        mutation.mutate({
          name: String(data.get('name') ?? '').trim(),
          email: String(data.get('email') ?? '').trim(),
          password,
        });
      }}
    >
      <TextField label="Full name" name="name" autoComplete="name" required />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={passwordError}
      />
      <Button type="submit" block loading={mutation.isPending}>
        Create account
      </Button>
    </Form>
  );
}
