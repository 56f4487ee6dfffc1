import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, TextField } from '@/components/ui';
import { meQueryKey, updateProfile } from '../api/me';
import type { Me, ProfileUpdate } from '../types';

export function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  return (
    <Form
      aria-label="Profile"
      error={mutation.error}
      success={mutation.isSuccess ? 'Profile saved.' : undefined}
      onSubmit={(data) => {
        const update: ProfileUpdate = {
          name: String(data.get('name') ?? '').trim(),
          marketing_opt_in: data.get('marketing_opt_in') === 'on',
        };
        const phone = String(data.get('phone') ?? '').trim();
        if (phone || me.phone) update.phone = phone;
        mutation.mutate(update);
      }}
    >
      <TextField label="Full name" name="name" autoComplete="name" defaultValue={me.name} required />
      <TextField label="Email" name="email" type="email" value={me.email} readOnly hint="Contact us to change your email." />
      <TextField label="Phone" name="phone" type="tel" autoComplete="tel" defaultValue={me.phone ?? ''} />
      <Checkbox label="Send me news and member offers" name="marketing_opt_in" defaultChecked={Boolean(me.marketing_opt_in)} />
      <div>
        <Button type="submit" loading={mutation.isPending}>
          Save profile
        </Button>
      </div>
    </Form>
  );
}
