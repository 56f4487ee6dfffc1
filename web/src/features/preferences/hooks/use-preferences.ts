import { useQuery } from '@tanstack/react-query';
import { getPreferences, preferencesQueryKey } from '../api/preferences';

export const usePreferences = () => useQuery({ queryKey: preferencesQueryKey, queryFn: getPreferences });
