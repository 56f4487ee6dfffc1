import { api, itemsOf } from '@/lib/api';
import type { Offer } from '@/types/offers';

export const offersQueryKey = ['me', 'offers'] as const;

/** The customer's offers; the server answers them all in one page (`next_cursor: null`). */
export const listOffers = () => api.get<unknown>('/me/offers').then((raw) => itemsOf<Offer>(raw));

export const activateOffer = (id: string) => api.post<Offer>(`/me/offers/${encodeURIComponent(id)}/activate`, {});
