import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../shared/notify';
import { appErrorOf, hasErrorCode } from './app-error';

interface ApiCallMeta extends Record<string, unknown> {
  /** The screen shows this call's errors itself (inline), so no notification. */
  quiet?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: ApiCallMeta;
    mutationMeta: ApiCallMeta;
  }
}

/** Every failed call is announced, except an expired session (the login screen says it) and quiet calls. */
function report(error: unknown, meta: ApiCallMeta | undefined): void {
  if (meta?.quiet || hasErrorCode(error, 'unauthenticated')) return;
  notifyError(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => report(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => report(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The API's own answers (not found, not signed in, ...) will not change on retry; network hiccups might.
        retry: (failures, error) => !appErrorOf(error) && failures < 2,
      },
    },
  });
}
