import { Link } from 'react-router-dom';
import { useSession } from '@/features/auth';
import { CampaignList } from '@/features/campaigns';
import { Page } from '../../Page';

export function CampaignsPage() {
  const session = useSession();
  const canEdit = session?.role === 'admin';
  return (
    <Page
      title="Campaigns"
      subtitle="Personal offers for an audience, measured against a control group."
      actions={
        canEdit && (
          <Link className="btn btn--primary" to="/console/campaigns/new">
            <span className="btn__label">New campaign</span>
          </Link>
        )
      }
    >
      <CampaignList canEdit={canEdit} />
    </Page>
  );
}
