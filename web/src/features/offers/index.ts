export { offersQueryKey } from './api/offers';
export { HomeOffersCard } from './components/HomeOffersCard';
export { OffersList } from './components/OffersList';
export { openOffers, sortOffers } from './order';
export type * from './types';
