import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After logging, editing or deleting: timelines refetch, and so do customers (last contacted, follow-up). */
export function useInvalidateTimeline() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.interactions.pathFilter()),
        queryClient.invalidateQueries(trpc.customers.pathFilter()),
      ]),
    [trpc, queryClient],
  );
}
