// A personalized offer, as GET /me/offers and the 360° view answer it (docs/openapi.yaml's `Offer`,
// generated: src/api/schema.d.ts). `title` and `reasons` are sentences from the server.
import type { Schema } from '@/api/contract';

export type Offer = Schema<'Offer'>;
export type OfferKind = Offer['kind'];
export type OfferStatus = Offer['status'];
