import { ConfirmDialog } from '@/components/ui';
import type { useArchiveCampaign } from '../hooks/use-campaigns';
import type { StatusMove } from './use-status-move';

/** Asks before a move that has a warning to read (going live, ending). */
export function ConfirmMoveDialog({ campaignName, moves }: { campaignName: string; moves: StatusMove }) {
  const { confirming, setStatus } = moves;
  return (
    <ConfirmDialog
      open={confirming !== null}
      title={confirming ? `${confirming.label}: ${campaignName}?` : ''}
      onClose={() => moves.cancel()}
      request={setStatus}
      confirmLabel={confirming?.label ?? 'Confirm'}
      confirmVariant={confirming?.to === 'ended' ? 'danger' : 'primary'}
      onConfirm={() => confirming && moves.move(confirming.to)}
    >
      {confirming && <p>{confirming.confirm}</p>}
    </ConfirmDialog>
  );
}

interface ArchiveProps {
  campaignName: string;
  open: boolean;
  archive: ReturnType<typeof useArchiveCampaign>;
  onClose: () => void;
  onArchived?: () => void;
}

export function ArchiveCampaignDialog({ campaignName, open, archive, onClose, onArchived }: ArchiveProps) {
  return (
    <ConfirmDialog
      open={open}
      title={`Archive ${campaignName}?`}
      onClose={onClose}
      request={archive}
      confirmLabel="Archive campaign"
      onConfirm={() => archive.mutate(undefined, { onSuccess: () => onArchived?.() })}
    >
      <p>The campaign leaves the list. Offers already used and the report's figures are kept.</p>
    </ConfirmDialog>
  );
}
