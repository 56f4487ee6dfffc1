import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api';
import { currencyRatesQueryKey, deleteCurrencyRate, getCurrencyRates, putCurrencyRate } from '../api/currency-rates';

export const useCurrencyRates = () => useQuery({ queryKey: currencyRatesQueryKey, queryFn: getCurrencyRates });

export function useSaveCurrencyRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currency, rate }: { currency: string; rate: string }) => putCurrencyRate(currency, rate),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currencyRatesQueryKey }),
  });
}

/** Resolves to false when the rate was already gone (404): the end state is the one asked for. */
export function useRemoveCurrencyRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (currency: string) => {
      try {
        await deleteCurrencyRate(currency);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return false;
        throw error;
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currencyRatesQueryKey }),
  });
}
