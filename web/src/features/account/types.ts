// GET /me and PATCH /me, as docs/openapi.yaml documents them (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

export type Me = Schema<'Me'>;
export type Account = Schema<'Account'>;
/** The current tier; null when the program has no tiers. */
export type Tier = NonNullable<Account['tier']>;
export type TierProgress = Account['tier_progress'];
/** The tier above, null at the top. */
export type NextTier = TierProgress['next_tier'];
export type ExpiringPoints = Account['points_expiring'][number];
export type ProfileUpdate = Schema<'ProfilePatch'>;
