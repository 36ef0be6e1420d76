import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { CustomerListInput } from '../../api/types';
import { useTRPC, useTRPCClient } from '../../api/trpc';

export const PAGE_SIZE = 100;

/**
 * The customer list, fetched a page at a time by offset as the table scrolls. Keyed like tRPC's own
 * infinite queries, so invalidating customers.* refreshes it too.
 */
export function useCustomerPages(filter: Omit<CustomerListInput, 'offset' | 'limit'>) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [path] = trpc.customers.list.pathKey();
  return useInfiniteQuery({
    queryKey: [path, { input: filter, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) =>
      client.customers.list.query({ ...filter, offset: pageParam, limit: PAGE_SIZE }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.length * PAGE_SIZE;
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}
