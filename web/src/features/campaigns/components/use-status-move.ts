import { useState } from 'react';
import { useSetStatus } from '../hooks/use-campaigns';
import { statusLabel } from '../labels';
import type { CampaignStatus } from '../types';

/** One of the buttons of STATUS_ACTIONS. */
export interface StatusAction {
  to: CampaignStatus;
  label: string;
  confirm?: string;
}

type Confirming = Required<StatusAction>;

/**
 * Moves the campaign to another status: at once, or once confirmed where the
 * move has a warning to read. `moved` is the sentence saying where it is now.
 */
export function useStatusMove(campaignId: string) {
  const setStatus = useSetStatus(campaignId);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const move = (to: CampaignStatus) =>
    setStatus.mutate(to, {
      onSuccess: (c) => {
        setMoved(`The campaign is now ${statusLabel(c?.status ?? to).label.toLowerCase()}.`);
        setConfirming(null);
      },
    });
  const start = (a: StatusAction) => {
    setStatus.reset();
    setMoved(null);
    if (a.confirm) setConfirming({ to: a.to, label: a.label, confirm: a.confirm });
    else move(a.to);
  };
  return {
    setStatus,
    confirming,
    moved,
    start,
    move,
    // A refusal is told in the dialog; once it is cancelled the refusal is stale (the button starts afresh),
    // so it must not stay on the page under the actions. A pending move keeps going (the dialog is locked then).
    cancel: () => {
      setConfirming(null);
      if (setStatus.isError) setStatus.reset();
    },
    clearMoved: () => setMoved(null),
  };
}

export type StatusMove = ReturnType<typeof useStatusMove>;
