import { useQuery } from '@tanstack/react-query';
import { listProducts, listStores, posProductsQueryKey, posStoresQueryKey } from '../api/pos';

export const useStores = () => useQuery({ queryKey: posStoresQueryKey, queryFn: listStores });
export const useProducts = () => useQuery({ queryKey: posProductsQueryKey, queryFn: listProducts });
