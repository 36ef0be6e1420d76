import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useLocation } from 'react-router';
import { UNBATCHED } from '../../api/client';
import type { CustomerListInput } from '../../api/types';
import { useTRPC, useTRPCClient } from '../../api/trpc';
import { parseListParams, toListFilter } from './useCustomerListParams';

export const PAGE_SIZE = 100;

type ListFilter = Omit<CustomerListInput, 'offset' | 'limit'>;

/**
 * The customer list, fetched a page at a time by offset as the table scrolls. Keyed like tRPC's own
 * infinite queries, so invalidating customers.* refreshes it too.
 */
function useCustomerPagesOptions() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [path] = trpc.customers.list.pathKey();
  return (filter: ListFilter) =>
    infiniteQueryOptions({
      queryKey: [path, { input: filter, type: 'infinite' }],
      queryFn: ({ pageParam, signal }) =>
        client.customers.list.query({ ...filter, offset: pageParam, limit: PAGE_SIZE }, { signal, ...UNBATCHED }),
      initialPageParam: 0,
      getNextPageParam: (last, pages) => {
        const loaded = pages.length * PAGE_SIZE;
        return loaded < last.total ? loaded : undefined;
      },
      placeholderData: keepPreviousData,
    });
}

export function useCustomerPages(filter: ListFilter) {
  return useInfiniteQuery(useCustomerPagesOptions()(filter));
}

/**
 * Opening the app on the list starts loading its first page the moment the sign-in state says
 * someone is signed in, before React renders the signed-in app around the list (a few hundred ms on a
 * slow PC, which a request made by the list itself would wait for). Called while rendering, above the
 * routes, as TanStack's usePrefetchQuery works; once, at app start.
 */
export function useListPrefetch(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useCustomerPagesOptions();
  const { pathname, search } = useLocation();
  const started = useRef(false);
  if (started.current) return;
  started.current = true;
  if (pathname !== '/customers') return;
  const filter = toListFilter(parseListParams(new URLSearchParams(search)));
  // The sign-in state's answer reaches this callback before React re-renders with it.
  queryClient.fetchQuery(trpc.auth.status.queryOptions()).then(
    (status) => status.user && queryClient.prefetchInfiniteQuery(options(filter)),
    () => undefined,
  );
}
