import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api';
import type { Offer } from '@/types/offers';
import { activateOffer, listOffers, offersQueryKey } from '../api/offers';

export const useOffers = () => useQuery({ queryKey: offersQueryKey, queryFn: listOffers });

/** Activates one offer; the answer replaces it in the list at once. A 409 (expired or used) refreshes the list. */
export function useActivateOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => activateOffer(id),
    onSuccess: (offer) => {
      queryClient.setQueryData<Offer[]>(offersQueryKey, (all) => all?.map((o) => (o.id === offer.id ? { ...o, ...offer } : o)));
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) queryClient.invalidateQueries({ queryKey: offersQueryKey });
    },
  });
}
