import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionUser } from '../../api/types';
import { useTRPC } from '../../api/trpc';

/**
 * Starting or ending a session replaces the cached auth status and drops everything else cached, so
 * nothing one user saw is shown to the next.
 */
export function useSession() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const switchTo = useCallback(
    (user: SessionUser | null) => {
      const statusKey = trpc.auth.status.queryKey();
      const statusHash = hashKey(statusKey);
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== statusHash });
      queryClient.setQueryData(statusKey, { needsSetup: false, user });
    },
    [trpc, queryClient],
  );
  return { signedIn: switchTo, signedOut: useCallback(() => switchTo(null), [switchTo]) };
}
