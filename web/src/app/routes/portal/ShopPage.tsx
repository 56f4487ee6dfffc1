import { PageHeader } from '@/components/ui';
import { ShopView } from '@/features/shop';
import { usePageTitle } from '../../use-page-title';

export function ShopPage() {
  usePageTitle('Shop');
  return (
    <div className="page">
      <PageHeader title="Shop" subtitle="Buy online and earn points exactly as you do in store." />
      <ShopView />
    </div>
  );
}
