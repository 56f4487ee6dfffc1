import { Alert, Button, Dialog } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import type { useArchiveCampaign } from '../hooks/use-campaigns';
import type { StatusMove } from './use-status-move';

/** Asks before a move that has a warning to read (going live, ending). */
export function ConfirmMoveDialog({ campaignName, moves }: { campaignName: string; moves: StatusMove }) {
  const { confirming, setStatus } = moves;
  return (
    <Dialog
      open={confirming !== null}
      title={confirming ? `${confirming.label}: ${campaignName}?` : ''}
      onClose={() => moves.cancel()}
      busy={setStatus.isPending}
      footer={
        <>
          <Button variant="ghost" onClick={() => moves.cancel()} disabled={setStatus.isPending}>
            Cancel
          </Button>
          <Button variant={confirming?.to === 'ended' ? 'danger' : 'primary'} loading={setStatus.isPending} onClick={() => confirming && moves.move(confirming.to)}>
            {confirming?.label ?? 'Confirm'}
          </Button>
        </>
      }
    >
      {confirming && <p>{confirming.confirm}</p>}
      {setStatus.isError && <Alert tone="danger">{errorMessage(setStatus.error)}</Alert>}
    </Dialog>
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
    <Dialog
      open={open}
      title={`Archive ${campaignName}?`}
      onClose={onClose}
      busy={archive.isPending}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={archive.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={archive.isPending} onClick={() => archive.mutate(undefined, { onSuccess: () => onArchived?.() })}>
            Archive campaign
          </Button>
        </>
      }
    >
      <p>The campaign leaves the list. Offers already used and the report's figures are kept.</p>
      {archive.isError && <Alert tone="danger">{errorMessage(archive.error)}</Alert>}
    </Dialog>
  );
}
