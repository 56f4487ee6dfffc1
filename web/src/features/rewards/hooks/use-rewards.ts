import { useCursorList } from '@/lib/use-cursor-list';
import { REDEMPTIONS_PATH, REWARDS_PATH, redemptionsQueryKey, rewardsQueryKey } from '../api/rewards';
import type { Redemption, Reward } from '../types';

export const useRewards = () => useCursorList<Reward>(rewardsQueryKey, REWARDS_PATH, { limit: 100 });
export const useRedemptions = () => useCursorList<Redemption>(redemptionsQueryKey, REDEMPTIONS_PATH);
