import { useSearchParams } from 'react-router-dom';
import { Card, Tabs } from '@/components/ui';
import { PurchaseForm, ReturnForm, type CustomerPick } from '@/features/pos';
import { Page } from '../../Page';

// A sale changes the customer's 360° view: refresh it whatever the customer.
const AFTER_SALE = [['admin', 'customers']] as const;

/** The customer the 360° view opened the page for (`?customer=<id>&email=…&name=…`), if any. */
function customerFrom(params: URLSearchParams): CustomerPick | null {
  const id = params.get('customer');
  const email = params.get('email');
  return id && email ? { id, email, name: params.get('name') } : null;
}

export function PosPage() {
  const [params] = useSearchParams();
  const customer = customerFrom(params);
  return (
    <Page title="Point of sale" subtitle="Record a purchase or a return for a customer.">
      <Card>
        <Tabs
          label="Point of sale"
          initial={params.get('tab') === 'return' ? 'return' : 'purchase'}
          tabs={[
            { key: 'purchase', label: 'Purchase' },
            { key: 'return', label: 'Return' },
          ]}
        >
          {(tab) =>
            tab === 'purchase' ? <PurchaseForm invalidateKeys={AFTER_SALE} customer={customer} /> : <ReturnForm invalidateKeys={AFTER_SALE} customer={customer} />
          }
        </Tabs>
      </Card>
    </Page>
  );
}
