import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { changePassword } from '../api/auth';
import { NewPasswordField } from './NewPasswordField';

export function PasswordForm() {
  const formRef = useRef<HTMLFormElement | null>(null);
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
        mutation.mutate({
          current_password: String(data.get('current_password') ?? ''),
          new_password: String(data.get('new_password') ?? ''),
        });
      }}
    >
      <TextField label="Current password" name="current_password" type="password" autoComplete="current-password" required />
      <NewPasswordField label="New password" name="new_password" />
      <div>
        <Button type="submit" variant="secondary" loading={mutation.isPending}>
          Change password
        </Button>
      </div>
    </Form>
  );
}
