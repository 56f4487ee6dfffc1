import { Link } from 'react-router-dom';
import { PageHeader } from '@/components/ui';
import { CustomerSearch } from '@/features/customers';
import { usePageTitle } from '../../use-page-title';

export function CustomersPage() {
  usePageTitle('Customers');
  return (
    <div className="page">
      <PageHeader title="Customers" subtitle="Find a customer to see their 360° view." />
      <CustomerSearch renderLink={(c, children) => <Link to={`/console/customers/${encodeURIComponent(c.id)}`} className="row-link">{children}</Link>} />
    </div>
  );
}
