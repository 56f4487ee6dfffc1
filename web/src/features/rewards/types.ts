// The rewards a customer can redeem and the vouchers they hold, as docs/openapi.yaml documents them
// (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

/** A reward of GET /rewards; `image_url` names the image's hash (cached for good), null without one. */
export type Reward = Schema<'RewardOffer'>;
/** The answer of POST /me/redemptions: the voucher and the balance after it. */
export type RedemptionResult = Schema<'RedemptionCreated'>;
/** An item of GET /me/redemptions; `status` is computed by the server when read, never shown as is. */
export type Redemption = Schema<'Redemption'>;
