import { useState } from 'react';
import { Alert, Button } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { formatPoints } from '@/lib/format';
import { useArchiveCampaign, useGenerate } from '../hooks/use-campaigns';
import { STATUS_ACTIONS } from '../labels';
import type { Campaign, GenerateResult } from '../types';
import { ArchiveCampaignDialog, ConfirmMoveDialog } from './CampaignActionDialogs';
import { useStatusMove, type StatusMove } from './use-status-move';

const plural = (n: number, one: string, many: string) => `${formatPoints(n)} ${n === 1 ? one : many}`;

export function generatedSentence(r: GenerateResult): string {
  return `${plural(r.offers_created, 'offer', 'offers')} created for ${plural(r.treatment_size ?? r.offers_created, 'customer', 'customers')}; ${plural(r.control_group_size, 'customer', 'customers')} held back as the control group.`;
}

/** What the last action did; a failed move is told in its dialog while that is open. */
function ActionOutcome({ generate, moves }: { generate: ReturnType<typeof useGenerate>; moves: StatusMove }) {
  const { setStatus } = moves;
  return (
    <>
      <div aria-live="polite">
        {generate.isSuccess && (
          <Alert tone="success" title="Offers generated">
            <span data-testid="generate-result">{generatedSentence(generate.data)}</span>
          </Alert>
        )}
        {moves.moved && <Alert tone="success">{moves.moved}</Alert>}
      </div>
      {generate.isError && <Alert tone="danger">{errorMessage(generate.error)}</Alert>}
      {setStatus.isError && !moves.confirming && <Alert tone="danger">{errorMessage(setStatus.error)}</Alert>}
    </>
  );
}

/** Generate the offers, and move the campaign along draft → scheduled → live → ended (admins only). */
export function CampaignActions({ campaign, canEdit, onArchived }: { campaign: Campaign; canEdit: boolean; onArchived?: () => void }) {
  const generate = useGenerate(campaign.id);
  const archive = useArchiveCampaign(campaign.id);
  const [archiving, setArchiving] = useState(false);
  const moves = useStatusMove(campaign.id);
  const { setStatus } = moves;
  if (!canEdit) return null;
  const actions = STATUS_ACTIONS[campaign.status] ?? [];
  return (
    <section className="campaign-actions card" aria-label="Campaign actions">
      <div className="campaign-actions__row">
        {campaign.status !== 'ended' && (
          <Button
            variant="secondary"
            loading={generate.isPending}
            onClick={() => {
              moves.clearMoved();
              generate.mutate();
            }}
          >
            Generate offers
          </Button>
        )}
        {actions.map((a) => (
          <Button key={a.to} variant={a.to === 'ended' ? 'danger' : 'primary'} loading={setStatus.isPending && setStatus.variables === a.to} onClick={() => moves.start(a)}>
            {a.label}
          </Button>
        ))}
        {campaign.status !== 'live' && onArchived && (
          <Button
            variant="ghost"
            onClick={() => {
              archive.reset();
              setArchiving(true);
            }}
          >
            Archive
          </Button>
        )}
      </div>
      <ActionOutcome generate={generate} moves={moves} />
      <ConfirmMoveDialog campaignName={campaign.name} moves={moves} />
      <ArchiveCampaignDialog campaignName={campaign.name} open={archiving} archive={archive} onClose={() => setArchiving(false)} onArchived={onArchived} />
    </section>
  );
}
