import { api } from '@/lib/api';
import type { ResponseBody } from '@/api/contract';
import { fetchPage } from '@/lib/use-cursor-list';
import type { Audience, Campaign, CampaignInput, CampaignPatch, CampaignReport, GenerateResult } from '../types';

const PATH = '/admin/campaigns';
const one = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

export const campaignsQueryKey = ['admin', 'campaigns'] as const;
export const campaignQueryKey = (id: string) => ['admin', 'campaigns', id] as const;
export const campaignReportQueryKey = (id: string) => ['admin', 'campaigns', id, 'report'] as const;
export const CAMPAIGNS_PATH = PATH;

export const getCampaign = (id: string) => api.get<Campaign>(one(id));
export const createCampaign = (input: CampaignInput) => api.post<Campaign>(PATH, input);
export const updateCampaign = (id: string, patch: CampaignPatch) => api.patch<Campaign>(one(id), patch);
export const archiveCampaign = (id: string) => api.delete<void>(one(id));
export const generateOffers = (id: string) => api.post<GenerateResult>(`${one(id)}/generate`, {});
export const getCampaignReport = (id: string) => api.get<CampaignReport>(`${one(id)}/report`);

export const previewAudience = (audience: Audience, signal?: AbortSignal) =>
  api.post<ResponseBody<'previewCampaignAudience'>>(`${PATH}/audience-preview`, { audience }, { signal });

/** Pick lists for the editor: tiers (by name), products (by name) and rewards, from the catalog. */
export interface PickLists {
  tiers: { code: string; name: string }[];
  products: { sku: string; name: string; category?: string | null }[];
  rewards: { id: string; name: string }[];
  categories: string[];
}

export const pickListsQueryKey = ['admin', 'campaigns', 'pick-lists'] as const;

export async function getPickLists(): Promise<PickLists> {
  const [tiers, products, rewards] = await Promise.all([
    fetchPage<{ code: string; name: string; archived?: boolean }>('/admin/tiers', { limit: 200 }).catch(() => ({ items: [] })),
    fetchPage<{ sku: string; name: string; category?: string | null; archived?: boolean }>('/admin/products', { limit: 200 }).catch(() => ({ items: [] })),
    fetchPage<{ id: string; name: string; archived?: boolean }>('/admin/rewards', { limit: 200 }).catch(() => ({ items: [] })),
  ]);
  const live = <T extends { archived?: boolean }>(xs: T[]) => xs.filter((x) => !x.archived);
  const productList = live(products.items);
  const categories = Array.from(new Set(productList.map((p) => p.category).filter((c): c is string => Boolean(c)))).sort();
  return { tiers: live(tiers.items), products: productList, rewards: live(rewards.items), categories };
}

/** The program's currency (money in audiences and spend thresholds), from the currency settings; USD when unknown. */
export const programCurrencyQueryKey = ['admin', 'program-currency'] as const;
export const getProgramCurrency = () =>
  api
    .get<{ base_currency?: unknown }>('/admin/currency-rates')
    .then((r) => (typeof r?.base_currency === 'string' && r.base_currency ? r.base_currency : 'USD'))
    .catch(() => 'USD');
