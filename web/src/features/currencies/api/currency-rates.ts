import { api } from '@/lib/api';
import type { CurrencyRate, CurrencyRates } from '../types';

const PATH = '/admin/currency-rates';

export const currencyRatesQueryKey = ['admin', 'currency-rates'] as const;

/** The base currency and the rates, sorted by code. */
export async function getCurrencyRates(): Promise<CurrencyRates> {
  const rates = await api.get<CurrencyRates>(PATH);
  return { ...rates, items: [...rates.items].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

export const putCurrencyRate = (currency: string, rate: string) => api.put<CurrencyRate>(`${PATH}/${encodeURIComponent(currency)}`, { rate });

export const deleteCurrencyRate = (currency: string) => api.delete<void>(`${PATH}/${encodeURIComponent(currency)}`);
