import { useState } from 'react';
import { Alert, Button, Dialog } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { formatPoints } from '@/lib/format';
import { useArchiveCampaign, useGenerate, useSetStatus } from '../hooks/use-campaigns';
import { STATUS_ACTIONS, statusLabel } from '../labels';
import type { Campaign, CampaignStatus, GenerateResult } from '../types';

const plural = (n: number, one: string, many: string) => `${formatPoints(n)} ${n === 1 ? one : many}`;

export function generatedSentence(r: GenerateResult): string {
  return `${plural(r.offers_created, 'offer', 'offers')} created for ${plural(r.treatment_size ?? r.offers_created, 'customer', 'customers')}; ${plural(r.control_group_size, 'customer', 'customers')} held back as the control group.`;
}

/** Generate the offers, and move the campaign along draft → scheduled → live → ended (admins only). */
export function CampaignActions({ campaign, canEdit, onArchived }: { campaign: Campaign; canEdit: boolean; onArchived?: () => void }) {
  const generate = useGenerate(campaign.id);
  const archive = useArchiveCampaign(campaign.id);
  const [archiving, setArchiving] = useState(false);
  const setStatus = useSetStatus(campaign.id);
  const [confirming, setConfirming] = useState<{ to: CampaignStatus; label: string; confirm: string } | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  if (!canEdit) return null;
  const actions = STATUS_ACTIONS[campaign.status] ?? [];
  const move = (to: CampaignStatus) =>
    setStatus.mutate(to, {
      onSuccess: (c) => {
        setMoved(`The campaign is now ${statusLabel(c?.status ?? to).label.toLowerCase()}.`);
        setConfirming(null);
      },
    });
  return (
    <section className="campaign-actions card" aria-label="Campaign actions">
      <div className="campaign-actions__row">
        {campaign.status !== 'ended' && (
          <Button
            variant="secondary"
            loading={generate.isPending}
            onClick={() => {
              setMoved(null);
              generate.mutate();
            }}
          >
            Generate offers
          </Button>
        )}
        {actions.map((a) => (
          <Button
            key={a.to}
            variant={a.to === 'ended' ? 'danger' : 'primary'}
            loading={setStatus.isPending && setStatus.variables === a.to}
            onClick={() => {
              setStatus.reset();
              setMoved(null);
              if (a.confirm) setConfirming({ to: a.to, label: a.label, confirm: a.confirm });
              else move(a.to);
            }}
          >
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
      <div aria-live="polite">
        {generate.isSuccess && (
          <Alert tone="success" title="Offers generated">
            <span data-testid="generate-result">{generatedSentence(generate.data)}</span>
          </Alert>
        )}
        {moved && <Alert tone="success">{moved}</Alert>}
      </div>
      {generate.isError && <Alert tone="danger">{errorMessage(generate.error)}</Alert>}
      {setStatus.isError && !confirming && <Alert tone="danger">{errorMessage(setStatus.error)}</Alert>}
      <Dialog
        open={confirming !== null}
        title={confirming ? `${confirming.label}: ${campaign.name}?` : ''}
        onClose={() => setConfirming(null)}
        busy={setStatus.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(null)} disabled={setStatus.isPending}>
              Cancel
            </Button>
            <Button variant={confirming?.to === 'ended' ? 'danger' : 'primary'} loading={setStatus.isPending} onClick={() => confirming && move(confirming.to)}>
              {confirming?.label ?? 'Confirm'}
            </Button>
          </>
        }
      >
        {confirming && <p>{confirming.confirm}</p>}
        {setStatus.isError && <Alert tone="danger">{errorMessage(setStatus.error)}</Alert>}
      </Dialog>
      <Dialog
        open={archiving}
        title={`Archive ${campaign.name}?`}
        onClose={() => setArchiving(false)}
        busy={archive.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={() => setArchiving(false)} disabled={archive.isPending}>
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
    </section>
  );
}
