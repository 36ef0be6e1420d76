import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';

/**
 * After an account or team change: the accounts, the teams, the colleague pickers, and the session
 * (an administrator who renamed themselves sees it in the user menu).
 */
export function useInvalidateUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.users.pathFilter()),
        queryClient.invalidateQueries(trpc.teams.pathFilter()),
        queryClient.invalidateQueries(trpc.leads.teams.queryFilter()),
        queryClient.invalidateQueries(trpc.auth.status.queryFilter()),
      ]),
    [trpc, queryClient],
  );
}
