import { useQuery } from '@tanstack/react-query';
import { facetsQueryKey, getCatalogFacets, getPreferences, preferencesQueryKey } from '../api/preferences';

export const usePreferences = () => useQuery({ queryKey: preferencesQueryKey, queryFn: getPreferences });

/** The catalog's categories and brands; suggestions only, so a failure just shows none. */
export const useCatalogFacets = () => useQuery({ queryKey: facetsQueryKey, queryFn: getCatalogFacets, staleTime: 5 * 60_000, retry: false });
