export { redemptionsQueryKey, rewardsQueryKey } from './api/rewards';
export { rewardState, rewardsOutlook, sortRewards } from './affordability';
export { MyRewards } from './components/MyRewards';
export { RedeemDialog } from './components/RedeemDialog';
export { RewardCatalog } from './components/RewardCatalog';
export { RewardsOutlookCard } from './components/RewardsOutlookCard';
export type * from './types';
