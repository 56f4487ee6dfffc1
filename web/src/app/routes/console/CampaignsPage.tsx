import { Link } from 'react-router-dom';
import { PageHeader } from '@/components/ui';
import { useSession } from '@/features/auth';
import { CampaignList } from '@/features/campaigns';
import { usePageTitle } from '../../use-page-title';

export function CampaignsPage() {
  usePageTitle('Campaigns');
  const session = useSession();
  const canEdit = session?.role === 'admin';
  return (
    <div className="page">
      <PageHeader
        title="Campaigns"
        subtitle="Personal offers for an audience, measured against a control group."
        actions={
          canEdit && (
            <Link className="btn btn--primary" to="/console/campaigns/new">
              <span className="btn__label">New campaign</span>
            </Link>
          )
        }
      />
      <CampaignList canEdit={canEdit} />
    </div>
  );
}
