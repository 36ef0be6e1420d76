import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../shared/notify';
import { appErrorOf, type AppErrorCode } from './app-error';
import { isConnectionError, setOffline } from './connection-state';

interface ApiCallMeta extends Record<string, unknown> {
  /** The screen shows this call's errors itself (inline), so no notification. */
  quiet?: boolean;
  /** Errors of these codes the screen shows itself (a conflict dialog); others are announced. */
  shown?: AppErrorCode[];
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: ApiCallMeta;
    mutationMeta: ApiCallMeta;
  }
}

/**
 * Every failed call is announced, except an expired session (the login screen says it), quiet calls,
 * and reads while the host is unreachable (the offline banner says that once).
 */
function report(error: unknown, meta: ApiCallMeta | undefined, isRead: boolean): void {
  if (isConnectionError(error)) {
    setOffline(true);
    if (isRead) return;
  }
  const code = appErrorOf(error)?.code;
  if (meta?.quiet || code === 'unauthenticated' || (code && meta?.shown?.includes(code))) return;
  notifyError(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => report(error, query.meta, true),
      onSuccess: () => setOffline(false),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => report(error, mutation.meta, false),
      onSuccess: () => setOffline(false),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The API's own answers (not found, not signed in, ...) will not change on retry; network hiccups might.
        retry: (failures, error) => !appErrorOf(error) && failures < 2,
        // Offline, a page keeps what it shows (and any unsaved form input) instead of an error screen.
        refetchOnReconnect: true,
      },
    },
  });
}
