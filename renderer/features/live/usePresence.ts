import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../api/trpc';

/** Below the host's 45 s expiry, so an open page never drops out between two heartbeats. */
const HEARTBEAT_MS = 15_000;

/** Says "I have this customer open (editing or not)" while mounted; returns the colleagues who do too. */
export function usePresence(customerId: number, editing: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = { entity: 'customer' as const, id: customerId };
  const othersKey = trpc.presence.others.queryKey(record);
  const { mutate: here } = useMutation(
    trpc.presence.here.mutationOptions({ meta: { quiet: true }, onSuccess: (others) => queryClient.setQueryData(othersKey, others) }),
  );
  const { mutate: leave } = useMutation(trpc.presence.leave.mutationOptions({ meta: { quiet: true } }));
  useEffect(() => {
    const say = () => here({ entity: 'customer', id: customerId, editing });
    say();
    const timer = setInterval(say, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      leave({ entity: 'customer', id: customerId });
    };
  }, [customerId, editing, here, leave]);
  return useQuery({ ...trpc.presence.others.queryOptions(record), meta: { quiet: true } }).data ?? [];
}
