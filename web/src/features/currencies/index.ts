export { CurrencyRatesManager } from './components/CurrencyRatesManager';
export type * from './types';
