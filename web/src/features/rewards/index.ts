export { redemptionsQueryKey, rewardsQueryKey } from './api/rewards';
export { rewardState, sortRewards } from './affordability';
export { MyRewards } from './components/MyRewards';
export { RedeemDialog } from './components/RedeemDialog';
export { RewardCatalog } from './components/RewardCatalog';
export type * from './types';
