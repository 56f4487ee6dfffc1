import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { customerQueryKey, customersQueryKey, getCustomer360, searchCustomers } from '../api/customers';

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...customersQueryKey, 'search', q],
    queryFn: () => searchCustomers(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const useCustomer360 = (id: string) => useQuery({ queryKey: customerQueryKey(id), queryFn: () => getCustomer360(id) });
