import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After a lead or pool change: leads, the pool, and customers (a conversion or claim changes them). */
export function useInvalidateLeads() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.leads.pathFilter()),
        queryClient.invalidateQueries(trpc.pool.pathFilter()),
        queryClient.invalidateQueries(trpc.customers.pathFilter()),
      ]),
    [trpc, queryClient],
  );
}
