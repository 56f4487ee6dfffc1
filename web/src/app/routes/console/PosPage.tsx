import { useState } from 'react';
import { Card, PageHeader, Tabs } from '@/components/ui';
import { PurchaseForm, ReturnForm } from '@/features/pos';
import { usePageTitle } from '../../use-page-title';

// A sale changes the customer's 360° view: refresh it whatever the customer.
const AFTER_SALE = [['admin', 'customers']] as const;

export function PosPage() {
  usePageTitle('Point of sale');
  const [tab, setTab] = useState<'purchase' | 'return'>('purchase');
  return (
    <div className="page">
      <PageHeader title="Point of sale" subtitle="Record a purchase or a return for a customer." />
      <Card>
        <Tabs
          label="Point of sale"
          active={tab}
          onChange={setTab}
          tabs={[
            { key: 'purchase', label: 'Purchase' },
            { key: 'return', label: 'Return' },
          ]}
        >
          {tab === 'purchase' ? <PurchaseForm invalidateKeys={AFTER_SALE} /> : <ReturnForm invalidateKeys={AFTER_SALE} />}
        </Tabs>
      </Card>
    </div>
  );
}
