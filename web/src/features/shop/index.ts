export { CheckoutCancelled, CheckoutSuccess } from './components/CheckoutResult';
export { ShopView } from './components/ShopView';
export type * from './types';
