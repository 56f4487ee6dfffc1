export type { Offer, OfferKind, OfferStatus } from '@/types/offers';
