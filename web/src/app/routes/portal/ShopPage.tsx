import { ShopView } from '@/features/shop';
import { Page } from '../../Page';

export function ShopPage() {
  return (
    <Page title="Shop" subtitle="Buy online and earn points exactly as you do in store.">
      <ShopView />
    </Page>
  );
}
