import { api } from '@/lib/api';
import type { CurrencyRate, CurrencyRates } from '../types';

const PATH = '/admin/currency-rates';

export const currencyRatesQueryKey = ['admin', 'currency-rates'] as const;

/** Tolerates a missing or malformed `items` (an empty list, never a crash); sorted by code. */
export async function getCurrencyRates(): Promise<CurrencyRates> {
  const raw = await api.get<Partial<CurrencyRates> | null>(PATH);
  const items = Array.isArray(raw?.items) ? raw.items : [];
  return {
    base_currency: typeof raw?.base_currency === 'string' && raw.base_currency ? raw.base_currency : 'USD',
    base_minor_unit_exponent: typeof raw?.base_minor_unit_exponent === 'number' ? raw.base_minor_unit_exponent : 2,
    items: [...items].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export const putCurrencyRate = (currency: string, rate: string) => api.put<CurrencyRate>(`${PATH}/${encodeURIComponent(currency)}`, { rate });

export const deleteCurrencyRate = (currency: string) => api.delete<void>(`${PATH}/${encodeURIComponent(currency)}`);
