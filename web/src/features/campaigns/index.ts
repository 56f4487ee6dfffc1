export { campaignsQueryKey } from './api/campaigns';
export { CampaignDetail } from './components/CampaignDetail';
export { CampaignEditor } from './components/CampaignEditor';
export { CampaignList } from './components/CampaignList';
export { CampaignReport, ReportView } from './components/CampaignReport';
export { useCampaignName } from './hooks/use-campaigns';
export { goalLabel, statusLabel } from './labels';
export type * from './types';
