import type { ResponseBody, Schema } from '@/api/contract';

export type CampaignGoal = NonNullable<Schema<'CampaignInput'>['goal']>;
export type CampaignStatus = NonNullable<Schema<'CampaignInput'>['status']>;

// Campaigns as docs/openapi.yaml documents them (generated: src/api/schema.d.ts).
/** Empty lists and ranges do not filter; an empty audience is every active customer. */
export type Audience = Schema<'Audience'>;
export type Range = Schema<'Range'>;
export type OfferTemplate = Schema<'OfferTemplate'>;

/**
 * A campaign as the server answers it. The contract's `Campaign` is CampaignInput (every field optional, for
 * PATCH) with the answer's fields required beside it, which openapi-typescript does not carry over: restated here.
 */
export type Campaign = Schema<'Campaign'> & Required<Schema<'CampaignInput'>>;

/** What POST creates and PATCH changes (any subset for PATCH). */
export type CampaignInput = Pick<Campaign, 'name' | 'goal' | 'audience' | 'offer' | 'starts_at' | 'ends_at' | 'budget_points' | 'budget_minor' | 'per_customer_cap' | 'control_share'>;
export type CampaignPatch = Partial<CampaignInput> & { status?: CampaignStatus };

export type GenerateResult = ResponseBody<'generateCampaignOffers'>;
export type Arm = Schema<'CampaignArm'>;
export type CampaignReport = Schema<'CampaignReport'>;
