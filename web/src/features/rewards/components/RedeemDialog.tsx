import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Dialog } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api-error';
import { formatPointsWithUnit } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import { redeemReward, redemptionsQueryKey } from '../api/rewards';
import type { RedemptionResult, Reward } from '../types';
import { VoucherCode } from './VoucherCode';

interface RedeemDialogProps {
  reward: Reward | null;
  points_balance: number;
  onClose: () => void;
  /** Query keys outside this feature to refresh after a redemption (balance, ledger). */
  invalidateKeys?: readonly (readonly unknown[])[];
}

/**
 * Confirm, then redeem. One idempotency key per dialog opening: a double click
 * or a retry after a network error cannot spend points twice.
 */
export function RedeemDialog({ reward, points_balance, onClose, invalidateKeys = [] }: RedeemDialogProps) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<RedemptionResult | null>(null);
  const mutation = useMutation({
    mutationFn: (r: Reward) => redeemReward(r.id, key),
    onSuccess: (answer) => {
      setResult(answer);
      queryClient.invalidateQueries({ queryKey: redemptionsQueryKey });
      for (const k of invalidateKeys) queryClient.invalidateQueries({ queryKey: k });
    },
  });
  const close = () => {
    if (mutation.isPending) return;
    setResult(null);
    mutation.reset();
    setKey(newIdempotencyKey());
    onClose();
  };
  const insufficient = mutation.error instanceof ApiError && mutation.error.code === 'insufficient_points';
  return (
    <Dialog
      open={reward !== null}
      title={result ? 'Enjoy your reward!' : 'Redeem this reward?'}
      onClose={close}
      busy={mutation.isPending}
      footer={
        result ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button loading={mutation.isPending} onClick={() => reward && mutation.mutate(reward)} disabled={insufficient}>
              Confirm redemption
            </Button>
          </>
        )
      }
    >
      {reward && !result && (
        <div className="stack">
          <p>
            <strong>{reward.name}</strong> for <strong>{formatPointsWithUnit(reward.points_cost, 'long')}</strong>.
          </p>
          <p className="muted">
            Your balance after redemption: {formatPointsWithUnit(Math.max(0, points_balance - reward.points_cost), 'long')}.
          </p>
          {mutation.isError && (
            <Alert tone="danger">{insufficient ? 'You do not have enough points for this reward yet.' : errorMessage(mutation.error)}</Alert>
          )}
        </div>
      )}
      {reward && result && (
        <div className="stack">
          <p>
            You redeemed <strong>{reward.name}</strong>. Show this code at checkout. It is also saved in My rewards.
          </p>
          <VoucherCode code={result.code} expires_at={result.expires_at} status={result.status} description={reward.description} terms={reward.terms} />
          <p className="muted">New balance: {formatPointsWithUnit(result.balance_after, 'long')}.</p>
        </div>
      )}
    </Dialog>
  );
}
