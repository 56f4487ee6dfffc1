import { api } from '@/lib/api';
import type { RedemptionResult } from '../types';

export const rewardsQueryKey = ['rewards'] as const;
export const redemptionsQueryKey = ['me', 'redemptions'] as const;
export const REWARDS_PATH = '/rewards';
export const REDEMPTIONS_PATH = '/me/redemptions';

export function redeemReward(reward_id: string, idempotencyKey: string): Promise<RedemptionResult> {
  return api.post<RedemptionResult>(REDEMPTIONS_PATH, { reward_id }, { idempotencyKey });
}
