import { Button } from '@/components/ui';
import { formatCategory, formatMoney } from '@/lib/format';
import type { ShopProduct } from '../types';
import { QuantityStepper } from './QuantityStepper';

/** One product on sale: what it is, its price, and adding it to the cart (hidden when payment is off). */
export function ProductCard({ product, currency, quantity, canBuy, onQuantity }: {
  product: ShopProduct;
  currency: string;
  quantity: number;
  canBuy: boolean;
  onQuantity: (quantity: number) => void;
}) {
  const meta = [product.brand, formatCategory(product.category)].filter(Boolean).join(' · ');
  return (
    <li className="shop-card" data-testid="shop-product">
      <div>
        <h3 className="shop-card__name">{product.name}</h3>
        {meta && <p className="shop-card__meta">{meta}</p>}
      </div>
      <div className="shop-card__footer">
        <span className="shop-card__price">{formatMoney(product.price_minor, currency)}</span>
        {canBuy &&
          (quantity === 0 ? (
            <Button size="sm" onClick={() => onQuantity(1)} aria-label={`Add ${product.name} to the cart`}>
              Add to cart
            </Button>
          ) : (
            <QuantityStepper name={product.name} quantity={quantity} onChange={onQuantity} />
          ))}
      </div>
    </li>
  );
}
