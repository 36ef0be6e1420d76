import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After any customer or contact change: lists, pages, tags and search results all refetch. */
export function useInvalidateCustomers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.customers.pathFilter()), [trpc, queryClient]);
}
