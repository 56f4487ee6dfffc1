import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { register } from '../api/auth';
import type { RegisterInput } from '../types';
import { MIN_PASSWORD_LENGTH, NewPasswordField } from './NewPasswordField';

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
      {/* Checked here rather than by the browser, to say what is wrong in words. */}
      <NewPasswordField label="Password" name="password" lengthCheckedByForm error={passwordError} />
      <Button type="submit" block loading={mutation.isPending}>
        Create account
      </Button>
    </Form>
  );
}
