import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

/** Tags already in use, for suggestions and the tag filter. */
export function useTagSuggestions(): string[] {
  const trpc = useTRPC();
  return useQuery(trpc.customers.tags.queryOptions()).data ?? [];
}
