// The shop's answers, as docs/openapi.yaml documents them (generated: src/api/schema.d.ts), and the cart
// the browser keeps.
import type { RequestBody, ResponseBody } from '@/api/contract';

export type ShopConfig = ResponseBody<'getShopConfig'>;
export type ShopProductsPage = ResponseBody<'listShopProducts'>;
export type ShopProduct = ShopProductsPage['items'][number];

/** What is sent to the server: SKUs and quantities, never prices. */
export type CartLine = RequestBody<'startCheckout'>['lines'][number];

/** A cart line as kept in the browser: the name and price as last seen, for display only. */
export interface StoredCartLine extends CartLine {
  name: string;
  price_minor: number;
}

export type CheckoutStarted = ResponseBody<'startCheckout', 201>;
export type CheckoutStatus = ResponseBody<'getCheckout'>;
export type CheckoutState = CheckoutStatus['status'];
