import { Link, useNavigate, useParams } from 'react-router-dom';
import { Card } from '@/components/ui';
import { useSession } from '@/features/auth';
import { CampaignDetail, CampaignEditor, useCampaignName } from '@/features/campaigns';
import { Page } from '../../Page';

export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const isNew = campaignId === 'new';
  const session = useSession();
  const navigate = useNavigate();
  const canEdit = session?.role === 'admin';
  const name = useCampaignName(isNew ? null : campaignId);
  return (
    <Page title={isNew ? 'New campaign' : (name ?? 'Campaign')} actions={<Link to="/console/campaigns">All campaigns</Link>}>
      {isNew ? (
        <Card>
          <CampaignEditor
            campaign={null}
            canEdit={canEdit}
            onSaved={(c) => navigate(`/console/campaigns/${encodeURIComponent(c.id)}`, { replace: true })}
            onCancel={() => navigate('/console/campaigns')}
          />
        </Card>
      ) : (
        <CampaignDetail campaignId={campaignId} canEdit={canEdit} onArchived={() => navigate('/console/campaigns', { replace: true })} />
      )}
    </Page>
  );
}
