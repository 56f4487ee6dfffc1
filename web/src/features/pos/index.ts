export { PurchaseForm } from './components/PurchaseForm';
export { ReturnForm } from './components/ReturnForm';
export { toPurchaseLines, totalMinor } from './lines';
export type * from './types';
export type { CustomerPick } from './api/returns';
