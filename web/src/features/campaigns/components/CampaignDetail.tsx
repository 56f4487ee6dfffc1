import { Badge, ErrorState, SkeletonList, Tabs } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { useCampaign } from '../hooks/use-campaigns';
import { goalLabel, statusLabel } from '../labels';
import type { Campaign } from '../types';
import { CampaignActions } from './CampaignActions';
import { CampaignEditor } from './CampaignEditor';
import { CampaignReport } from './CampaignReport';

function Summary({ campaign }: { campaign: Campaign }) {
  const status = statusLabel(campaign.status);
  return (
    <div className="campaign-summary">
      <Badge tone={status.tone}>{status.label}</Badge>
      <span className="muted">{goalLabel(campaign.goal)}</span>
      <span className="muted" data-testid="campaign-counts">
        {formatPoints(campaign.offers_created ?? 0)} offers · control group {formatPoints(campaign.control_group_size ?? 0)}
      </span>
    </div>
  );
}

/** One campaign: its state, the actions, the editor and the report. */
export function CampaignDetail({ campaignId, canEdit, onArchived }: { campaignId: string; canEdit: boolean; onArchived?: () => void }) {
  const q = useCampaign(campaignId);
  if (q.isPending) return <SkeletonList rows={3} rowHeight="6rem" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="This campaign could not be loaded" />;
  const campaign = q.data;
  const measurable = campaign.status === 'live' || campaign.status === 'ended';
  return (
    <div className="stack-lg">
      <Summary campaign={campaign} />
      <CampaignActions campaign={campaign} canEdit={canEdit} onArchived={onArchived} />
      <Tabs
        label="Campaign"
        tabs={[
          { key: 'settings', label: 'Settings' },
          { key: 'report', label: 'Report' },
        ]}
      >
        {(tab) =>
          tab === 'settings' ? (
            <div className="card">
              {/* Keyed by status: a status change re-reads which fields are locked. */}
              <CampaignEditor key={campaign.status} campaign={campaign} canEdit={canEdit} onSaved={() => undefined} />
            </div>
          ) : (
            <CampaignReport campaignId={campaign.id} enabled={measurable || campaign.offers_created > 0} />
          )
        }
      </Tabs>
    </div>
  );
}
