import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { UNBATCHED } from '../../api/client';
import type { CustomerListInput } from '../../api/types';
import { useTRPC, useTRPCClient } from '../../api/trpc';
import { parseListParams, toListFilter } from './useCustomerListParams';

export const PAGE_SIZE = 100;

type ListFilter = Omit<CustomerListInput, 'offset' | 'limit'>;

/** One page of the list, on a request of its own. */
function useCustomerPageFetch() {
  const client = useTRPCClient();
  return (filter: ListFilter, offset: number, signal?: AbortSignal) =>
    client.customers.list.query({ ...filter, offset, limit: PAGE_SIZE }, { signal, ...UNBATCHED });
}

/**
 * The customer list, fetched a page at a time by offset as the table scrolls. Keyed like tRPC's own
 * infinite queries, so invalidating customers.* refreshes it too.
 */
function useCustomerPagesOptions() {
  const trpc = useTRPC();
  const fetchPage = useCustomerPageFetch();
  const [path] = trpc.customers.list.pathKey();
  return (filter: ListFilter) =>
    infiniteQueryOptions({
      queryKey: [path, { input: filter, type: 'infinite' }],
      queryFn: ({ pageParam, signal }) => fetchPage(filter, pageParam, signal),
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

/** The longest the app's first screen waits for the list's first page before showing without it. */
const OPENING_WAIT_MS = 1500;

/**
 * Opening the app on the list: its first page is asked at the same time as the sign-in state (the
 * answer is kept only if someone is signed in), and the first screen waits for it (true while it
 * does), so the app and its first rows render in one pass. Rendering the app first and the rows when
 * they came cost a second render and layout of the whole screen, ~150-300 ms on a slow PC. Called
 * while rendering, above the routes, as TanStack's usePrefetchQuery works; once, at app start.
 */
export function useOpeningListPrefetch(): boolean {
  const trpc = useTRPC();
  const fetchPage = useCustomerPageFetch();
  const queryClient = useQueryClient();
  const options = useCustomerPagesOptions();
  const { pathname, search } = useLocation();
  const [waiting, setWaiting] = useState(pathname === '/customers');
  const started = useRef(false);
  if (started.current || !waiting) return waiting;
  started.current = true;
  const filter = toListFilter(parseListParams(new URLSearchParams(search)));
  const firstPage = fetchPage(filter, 0);
  // Signed out, the page is refused; the sign-in state says so and the refusal is dropped.
  firstPage.catch(() => undefined);
  const list = options(filter);
  // Taken once: a refetch before the list mounts (a colleague's change) asks again.
  let early: typeof firstPage | null = firstPage;
  const pageOf = ({ pageParam, signal }: { pageParam: number; signal: AbortSignal }) => {
    const page = pageParam === 0 && early ? early : fetchPage(filter, pageParam, signal);
    early = null;
    return page;
  };
  const prefetched = queryClient
    .fetchQuery(trpc.auth.status.queryOptions())
    .then((status) => status.user && queryClient.prefetchInfiniteQuery({ ...list, queryFn: pageOf }))
    .catch(() => undefined);
  void Promise.race([prefetched, new Promise((resolve) => setTimeout(resolve, OPENING_WAIT_MS))]).then(() => setWaiting(false));
  return waiting;
}
