import { useState } from 'react';
import { Alert, Button, EmptyState, ErrorState, Form, LoadMore, SkeletonList, TextField } from '@/components/ui';
import { formatMoney } from '@/lib/format';
import { priceCart, quantityOf } from '../cart';
import { useCart, useShopConfig, useShopProducts } from '../hooks/use-shop';
import { CartCard } from './CartCard';
import { ProductCard } from './ProductCard';
import './shop.css';

/** The shop: the catalog (searchable), the cart and checkout; without Stripe keys, the catalog and a plain notice. */
export function ShopView() {
  const [q, setQ] = useState('');
  const config = useShopConfig();
  const products = useShopProducts(q);
  const { cart, setQuantity } = useCart();
  if (config.isPending) return <SkeletonList rows={4} rowHeight="8rem" />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => config.refetch()} />;
  const enabled = config.data.enabled;
  const currency = products.data ? products.currency : config.data.currency;
  const priced = priceCart(cart, products.items);
  return (
    <div className="shop stack">
      {!enabled && (
        <Alert tone="warning" title="Online payment is not set up yet">
          This shop cannot take payments online for now, so nothing can be bought here. You still earn points on every purchase in store.
        </Alert>
      )}
      {enabled && priced.items > 0 && (
        <a className="btn btn--secondary shop-cart-link" href="#cart">
          <span className="btn__label">
            Cart: {priced.items} {priced.items === 1 ? 'item' : 'items'}, {formatMoney(priced.total_minor, currency)}
          </span>
        </a>
      )}
      <div className="shop-layout">
        <div className="stack">
          <Form aria-label="Search the shop" onSubmit={(data) => setQ(String(data.get('q') ?? '').trim())} className="search-form">
            <TextField label="Search products" name="q" type="search" autoComplete="off" maxLength={100} />
            <Button type="submit" variant="secondary" loading={products.isFetching && !products.isFetchingNextPage}>
              Search
            </Button>
          </Form>
          {products.isPending && <SkeletonList rows={4} rowHeight="8rem" />}
          {products.isError && <ErrorState error={products.error} onRetry={() => products.refetch()} />}
          {products.data && products.items.length === 0 && (
            <EmptyState title={q ? `Nothing matches “${q}”` : 'Nothing on sale yet'} icon="box">
              <p>{q ? 'Try another word, or clear the search.' : 'Products appear here once the shop adds them.'}</p>
            </EmptyState>
          )}
          {products.items.length > 0 && (
            <ul className="shop-grid" aria-label="Products">
              {products.items.map((product) => (
                <ProductCard
                  key={product.sku}
                  product={product}
                  currency={currency}
                  quantity={quantityOf(cart, product.sku)}
                  canBuy={enabled}
                  onQuantity={(quantity) => setQuantity(product, quantity)}
                />
              ))}
            </ul>
          )}
          <LoadMore hasMore={products.hasNextPage} loading={products.isFetchingNextPage} onLoadMore={() => products.fetchNextPage()} />
        </div>
        {enabled && <CartCard lines={priced.lines} total_minor={priced.total_minor} currency={currency} onQuantity={setQuantity} />}
      </div>
    </div>
  );
}
