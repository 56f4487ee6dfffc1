import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api';
import { useCursorList } from '@/lib/use-cursor-list';
import {
  archiveCampaign,
  CAMPAIGNS_PATH,
  campaignQueryKey,
  campaignReportQueryKey,
  campaignsQueryKey,
  createCampaign,
  generateOffers,
  getCampaign,
  getCampaignReport,
  getPickLists,
  getProgramCurrency,
  pickListsQueryKey,
  previewAudience,
  programCurrencyQueryKey,
  updateCampaign,
} from '../api/campaigns';
import type { Audience, Campaign, CampaignInput, CampaignPatch } from '../types';

export const useCampaigns = () => useCursorList<Campaign>([...campaignsQueryKey, 'list'], CAMPAIGNS_PATH);
export const useCampaign = (id: string, enabled = true) => useQuery({ queryKey: campaignQueryKey(id), queryFn: () => getCampaign(id), enabled });
export const usePickLists = () => useQuery({ queryKey: pickListsQueryKey, queryFn: getPickLists, staleTime: 60_000 });
export const useProgramCurrency = () => useQuery({ queryKey: programCurrencyQueryKey, queryFn: getProgramCurrency, staleTime: Infinity }).data ?? 'USD';

/** The report; a 404 or 409 (nothing to measure yet) is an empty state, not an error. */
export const useCampaignReport = (id: string, enabled = true) =>
  useQuery({
    queryKey: campaignReportQueryKey(id),
    queryFn: () => getCampaignReport(id),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

function useRefreshCampaign() {
  const queryClient = useQueryClient();
  return (campaign?: Campaign) => {
    if (campaign?.id) queryClient.setQueryData(campaignQueryKey(campaign.id), campaign);
    return queryClient.invalidateQueries({ queryKey: campaignsQueryKey });
  };
}

export function useSaveCampaign(id: string | null) {
  const refresh = useRefreshCampaign();
  return useMutation({
    mutationFn: (input: CampaignInput | CampaignPatch) => (id ? updateCampaign(id, input) : createCampaign(input as CampaignInput)),
    onSuccess: (campaign) => refresh(campaign),
  });
}

export function useSetStatus(id: string) {
  const refresh = useRefreshCampaign();
  return useMutation({ mutationFn: (status: Campaign['status']) => updateCampaign(id, { status }), onSuccess: (c) => refresh(c) });
}

export function useGenerate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => generateOffers(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey }),
  });
}

export function useArchiveCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => archiveCampaign(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey }) });
}

/** The audience's size, asked for `delay` ms after the audience last changed; earlier requests are aborted. */
export function useAudiencePreview(audience: Audience, enabled: boolean, delay = 400) {
  const key = JSON.stringify(audience);
  const [state, setState] = useState<{ key: string | null; customers: number | null; pending: boolean; error: unknown }>({ key: null, customers: null, pending: false, error: null });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      previewAudience(JSON.parse(key) as Audience, controller.signal)
        .then((r) => setState({ key, customers: typeof r?.customers === 'number' ? r.customers : null, pending: false, error: null }))
        .catch((error: unknown) => {
          if ((error as { name?: string })?.name === 'AbortError') return;
          setState({ key, customers: null, pending: false, error });
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, enabled, delay]);
  return state;
}

/** The campaign's name for the page title, once loaded (shares the detail's query). */
export const useCampaignName = (id: string | null) => useCampaign(id ?? '', Boolean(id)).data?.name ?? null;
