import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, TextField } from '@/components/ui';
import { requestPasswordReset } from '../api/auth';

export function ForgotPasswordForm() {
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  if (mutation.isSuccess) {
    return (
      <Alert tone="success" title="Check your e-mail">
        <span data-testid="reset-requested">{mutation.data?.message ?? 'If an account uses this e-mail, a link is on its way.'}</span>
      </Alert>
    );
  }
  return (
    <Form aria-label="Reset your password" error={mutation.error} onSubmit={(data) => mutation.mutate(String(data.get('email') ?? '').trim())}>
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <Button type="submit" block loading={mutation.isPending}>
        Send me a link
      </Button>
    </Form>
  );
}
