import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToChanges } from '../../api/change-feed';
import { useTRPC } from '../../api/trpc';

// The session and presence have their own signals; a data change does not touch them.
const UNAFFECTED = new Set(['auth', 'presence']);
// tRPC query keys start with the procedure path: [['customers', 'list'], { input, type }].
const routerOf = (key: readonly unknown[]) => (Array.isArray(key[0]) ? String(key[0][0]) : '');

// Changes often come in bursts (an import batch, a merge): refetch once per burst.
const SETTLE_MS = 150;

/**
 * Keeps every open list and page current with colleagues' changes: a change event refetches what is
 * shown (queries not on screen are only marked stale). Presence events refetch just that record's viewers.
 */
export function useLiveUpdates(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetchData = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ predicate: (query) => !UNAFFECTED.has(routerOf(query.queryKey)) });
      }, SETTLE_MS);
    };
    const unsubscribe = subscribeToChanges((event) => {
      // A changed account or permission may be this user's own: the session says what they may do.
      if (event.entity === 'user' || event.entity === 'settings') void queryClient.invalidateQueries({ queryKey: trpc.auth.status.queryKey() });
      if (event.entity === 'presence') {
        void queryClient.invalidateQueries({ queryKey: trpc.presence.others.queryKey({ entity: 'customer', id: event.id }) });
      } else {
        refetchData();
      }
    }, refetchData);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [trpc, queryClient]);
}
