import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { formatSignedPoints } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import { customerQueryKey, postAdjustment } from '../api/customers';
import type { AdjustmentInput } from '../types';

export function AdjustmentForm({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement | null>(null);
  // A new key per distinct adjustment; a retry of the same one reuses it.
  const [pending, setPending] = useState<{ input: AdjustmentInput; key: string } | null>(null);
  const [pointsError, setPointsError] = useState<string>();
  const mutation = useMutation({
    mutationFn: (p: { input: AdjustmentInput; key: string }) => postAdjustment(customerId, p.input, p.key),
    onSuccess: () => {
      formRef.current?.reset();
      setPending(null);
      queryClient.invalidateQueries({ queryKey: customerQueryKey(customerId) });
    },
  });
  return (
    <Form
      aria-label="Adjust points"
      error={mutation.error}
      success={mutation.isSuccess ? `Adjusted ${formatSignedPoints(mutation.variables.input.points)} points.` : undefined}
      onSubmit={(data, event) => {
        formRef.current = event.currentTarget;
        const points = Number(data.get('points'));
        if (!Number.isInteger(points) || points === 0) {
          setPointsError('Enter a whole number of points, positive to add or negative to remove.');
          return;
        }
        setPointsError(undefined);
        const input = { points, reason: String(data.get('reason') ?? '').trim() };
        const same = pending && pending.input.points === input.points && pending.input.reason === input.reason;
        const next = same ? pending : { input, key: newIdempotencyKey() };
        setPending(next);
        mutation.mutate(next);
      }}
    >
      <div className="grid-2">
        <TextField label="Points (+/−)" name="points" type="number" step={1} inputMode="numeric" required error={pointsError} />
        <TextField label="Reason" name="reason" required maxLength={200} />
      </div>
      <div>
        <Button type="submit" variant="secondary" loading={mutation.isPending}>
          Apply adjustment
        </Button>
      </div>
    </Form>
  );
}
