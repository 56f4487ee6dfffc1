import { useQuery } from '@tanstack/react-query';
import { getMe, meQueryKey } from '../api/me';

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe });
}
