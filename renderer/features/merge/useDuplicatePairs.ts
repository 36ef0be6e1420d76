import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

const PAGE_SIZE = 25;

/** Likely duplicate pairs, a page at a time; the API pages by cursor (the last pair shown). */
export function useDuplicatePairs() {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.duplicates.pairs.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (last) => last.next }),
  );
}
