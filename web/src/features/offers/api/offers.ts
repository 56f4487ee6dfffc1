import { api } from '@/lib/api';
import type { ResponseBody } from '@/api/contract';
import type { Offer } from '@/types/offers';

export const offersQueryKey = ['me', 'offers'] as const;

/** The customer's offers; the server answers them all in one page (`next_cursor: null`). */
export const listOffers = () => api.get<ResponseBody<'listMyOffers'>>('/me/offers').then((page) => page.items);

export const activateOffer = (id: string) => api.post<Offer>(`/me/offers/${encodeURIComponent(id)}/activate`, {});
