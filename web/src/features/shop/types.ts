export interface ShopConfig {
  enabled: boolean;
  currency: string;
}

export interface ShopProduct {
  sku: string;
  name: string;
  category: string;
  brand: string;
  price_minor: number;
}

/** What is sent to the server: SKUs and quantities, never prices. */
export interface CartLine {
  sku: string;
  quantity: number;
}

/** A cart line as kept in the browser: the name and price as last seen, for display only. */
export interface StoredCartLine extends CartLine {
  name: string;
  price_minor: number;
}

export interface CheckoutStarted {
  checkout_url: string;
  session_id: string;
  total_minor: number;
  currency: string;
}

export type CheckoutState = 'open' | 'paid' | 'failed';

export interface CheckoutStatus {
  session_id: string;
  status: CheckoutState;
  total_minor: number;
  currency: string;
  points_earned: number;
  refunded_minor: number;
}
