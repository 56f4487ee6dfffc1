export { meQueryKey } from './api/me';
export { BalanceCard } from './components/BalanceCard';
export { DataControls } from './components/DataControls';
export { ExpiringPointsCard } from './components/ExpiringPointsCard';
export { ProfileForm } from './components/ProfileForm';
export { TierProgressCard } from './components/TierProgressCard';
export { useMe } from './hooks/use-me';
export { nextTierName, tierProgressRatio } from './tier-progress';
export type * from './types';
