import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

/** The backup status: polled every second while a backup or restore runs (progress bar), else every minute. */
export function useBackupStatus() {
  const trpc = useTRPC();
  return useQuery(
    trpc.backups.status.queryOptions(undefined, {
      refetchInterval: (query) => (query.state.data?.running ? 1000 : 60_000),
    }),
  );
}
