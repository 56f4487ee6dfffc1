import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui';
import { useSession } from '@/features/auth';
import { Customer360View } from '@/features/customers';
import { usePageTitle } from '../../use-page-title';

export function CustomerPage() {
  usePageTitle('Customer');
  const { customerId = '' } = useParams();
  const session = useSession();
  return (
    <div className="page">
      <PageHeader title="Customer 360°" actions={<Link to="/console">Back to search</Link>} />
      <Customer360View customerId={customerId} canAdjust={session?.role === 'admin'} />
    </div>
  );
}
