import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After any deal change: the board, lists, deal pages and the customer list's open-deal columns refetch. */
export function useInvalidateDeals() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.opportunities.pathFilter()),
        queryClient.invalidateQueries(trpc.customers.list.pathFilter()),
      ]),
    [trpc, queryClient],
  );
}
