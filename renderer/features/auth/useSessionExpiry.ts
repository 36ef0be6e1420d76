import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { hasErrorCode } from '../../api/app-error';
import { useSession } from './useSession';

/** Any call refused for a missing or expired session sends the user back to the login screen. */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  const { signedOut } = useSession();
  useEffect(() => {
    const onEvent = (event: { type: string; action?: { type: string; error?: unknown } }) => {
      const failed = event.type === 'updated' && event.action?.type === 'error';
      if (failed && hasErrorCode(event.action?.error, 'unauthenticated')) signedOut();
    };
    const stopQueries = queryClient.getQueryCache().subscribe(onEvent);
    const stopMutations = queryClient.getMutationCache().subscribe(onEvent);
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, signedOut]);
}
