import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/** After any task change: My day, task lists, the calendar and (a moved reminder) notifications refetch. */
export function useInvalidateTasks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.tasks.pathFilter()),
        queryClient.invalidateQueries(trpc.calendar.pathFilter()),
        queryClient.invalidateQueries(trpc.notifications.pathFilter()),
      ]),
    [trpc, queryClient],
  );
}
