import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

/** Colleagues as select options (value: user id as text). */
export function useOwnerOptions() {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (users.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName }));
}
