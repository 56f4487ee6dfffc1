export { customerQueryKey } from './api/customers';
export { Customer360View } from './components/Customer360View';
export { CustomerSearch } from './components/CustomerSearch';
export type * from './types';
