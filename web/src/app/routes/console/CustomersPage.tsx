import { Link } from 'react-router-dom';
import { CustomerSearch } from '@/features/customers';
import { Page } from '../../Page';

export function CustomersPage() {
  return (
    <Page title="Customers" subtitle="Find a customer to see their 360° view.">
      <CustomerSearch renderLink={(c, children) => <Link to={`/console/customers/${encodeURIComponent(c.id)}`} className="row-link">{children}</Link>} />
    </Page>
  );
}
